namespace Uitstroom.Tests;

/// <summary>A comma-separated line read independently of the product's readers: a plain quote-aware split.</summary>
public static class CsvLine
{
    public static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    /// <summary>The rows of a CSV text after its header, each as column name → cell.</summary>
    public static List<Dictionary<string, string>> Rows(string text, out List<string> header)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var names = Split(lines[0]);
        header = names;
        return [.. lines.Skip(1).Select(Split).Select(cells => names.Zip(cells).ToDictionary(p => p.First, p => p.Second))];
    }
}
