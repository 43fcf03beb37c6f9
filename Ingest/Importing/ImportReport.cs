using Uitstroom.Ingest.Parsing;

namespace Uitstroom.Ingest.Importing;

/// <summary>What an import did: the outcome, the counts, every rejected row with its reason, and the warnings.</summary>
public sealed record ImportReport(
    long ImportId,
    string FileName,
    string Format,
    string Encoding,
    string ContentSha256,
    string Outcome,
    long RowsRead,
    long RowsAccepted,
    long RowsRejected,
    long RowsChanged,
    IReadOnlyList<Rejection> Rejections,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Boards,
    string? Error);

/// <summary>Who sends which file, and how strictly it is to be taken.</summary>
public sealed record ImportRequestInfo(
    string FileName,
    string Who,
    bool Strict,
    string? Board,
    SchoolId? School,
    string ContentSha256);

/// <summary>Counts so far, reported while an import runs.</summary>
public readonly record struct ImportProgressInfo(long RowsRead, long RowsAccepted, long RowsRejected);
