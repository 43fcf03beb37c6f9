namespace Uitstroom.Reporting.Sources;

/// <summary>A board as the registry (Ingest) knows it.</summary>
public sealed record BoardFacts(string Bgnr, string Name, int SchoolCount);

/// <summary>A school as the registry (Ingest) knows it; <c>Provider</c> is the LVS provider, empty when unknown.</summary>
public sealed record SchoolFacts(
    string Ovt, string Brin, int Vestiging, string Name, string Bgnr, double? Schoolweging, string Municipality, string Provider);
