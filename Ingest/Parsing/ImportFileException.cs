namespace Uitstroom.Ingest.Parsing;

/// <summary>
/// The file as a whole cannot be read (empty, not text, no usable header): no row of it is imported. The message is
/// written for the adviser who sent the file.
/// </summary>
public sealed class ImportFileException(string message) : Exception(message);
