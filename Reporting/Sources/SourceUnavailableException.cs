namespace Uitstroom.Reporting.Sources;

/// <summary>
/// The owner of a fact (Ingest or Predict) could not answer in time. Reporting turns it into a stale result or a
/// clear Dutch notice; it never reaches a caller as a stack trace.
/// </summary>
public sealed class SourceUnavailableException : Exception
{
    public SourceUnavailableException(string service, string reason, Exception? inner = null)
        : base($"{service} did not answer: {reason}", inner)
    {
        Service = service;
        Reason = reason;
    }

    public SourceUnavailableException()
        : this("unknown", "no reason given")
    {
    }

    public SourceUnavailableException(string message)
        : this("unknown", message)
    {
    }

    public SourceUnavailableException(string message, Exception inner)
        : this("unknown", message, inner)
    {
    }

    /// <summary>ingest or predict.</summary>
    public string Service { get; }

    public string Reason { get; }
}
