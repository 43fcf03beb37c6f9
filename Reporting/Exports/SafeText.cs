namespace Uitstroom.Reporting.Exports;

/// <summary>
/// Formula injection: a spreadsheet treats a text cell starting with =, +, -, @, a tab or a carriage return as a
/// formula (or a DDE command). School names come from imported files, so every text cell that starts so is
/// prefixed with an apostrophe, which spreadsheets show as text and never evaluate.
/// </summary>
public static class SafeText
{
    public static string Cell(string? text)
    {
        var t = text ?? "";
        return t.Length > 0 && t[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + t : t;
    }
}
