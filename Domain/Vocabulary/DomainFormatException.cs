namespace Uitstroom.Domain.Vocabulary;

/// <summary>A value from a file or a caller that does not parse as a domain term; the message names the value.</summary>
public sealed class DomainFormatException(string message) : FormatException(message);
