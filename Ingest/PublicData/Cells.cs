using System.Globalization;

namespace Uitstroom.Ingest.PublicData;

/// <summary>How the public files write numbers: a dot or a decimal comma, <c>*</c> for masked, empty for absent.</summary>
internal static class Cells
{
    public const string Masked = "*";

    public static bool IsMasked(string cell) => cell.Trim() == Masked;

    public static bool IsEmpty(string cell) => string.IsNullOrWhiteSpace(cell);

    public static double Number(string cell, string column)
    {
        var t = cell.Trim().Replace(',', '.');
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new FormatException($"{column}: '{cell}' is not a number");
    }

    public static double? OptionalNumber(string cell, string column) => IsEmpty(cell) ? null : Number(cell, column);

    public static int Count(string cell, string column) =>
        int.TryParse(cell.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"{column}: '{cell}' is not a whole number");

    public static double Percent(string cell, string column)
    {
        var v = Number(cell, column);
        return v is >= 0 and <= 100 ? v : throw new FormatException($"{column}: {v} is not a percentage in 0..100");
    }
}
