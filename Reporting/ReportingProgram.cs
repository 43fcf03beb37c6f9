namespace Uitstroom.Reporting;

/// <summary>Marks this service's assembly for test hosts: one test project hosts several services.</summary>
public sealed class ReportingProgram;
