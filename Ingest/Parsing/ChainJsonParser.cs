using System.Text.Json;
using Uitstroom.Domain.Results;

namespace Uitstroom.Ingest.Parsing;

/// <summary>
/// Reads the doorstroomtoets chain's <c>leerlingresultaat</c> messages (Edustandaard "Doorstroomtoetsketen" OpenAPI,
/// <c>POST /leerlingresultaat</c>): one message, an array of them, or a wrapper
/// <c>{"instellingscode","vestigingscode","leerlingresultaten":[…]}</c>. The message itself names no school (the
/// chain routes by school), so the school comes from the wrapper or from the import's metadata. Errors name the
/// JSON path.
/// </summary>
public static class ChainJsonParser
{
    public static IReadOnlyList<Parsed<OutflowRecord>> Parse(string path, SchoolId? defaultSchool)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new ImportFileException($"the JSON is malformed at line {(e.LineNumber ?? 0) + 1}: {e.Message.Split(". ")[0]}");
        }

        using (document)
        {
            var root = document.RootElement;
            var school = defaultSchool;
            JsonElement messages;
            var basePath = "$";
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("leerlingresultaten", out messages))
            {
                basePath = "$.leerlingresultaten";
                if (root.TryGetProperty("instellingscode", out var brin))
                {
                    school = WrapperSchool(root, brin);
                }
            }
            else
            {
                messages = root;
            }

            if (school is null)
            {
                throw new ImportFileException(
                    "the chain JSON names no school: wrap it as {\"instellingscode\":…,\"vestigingscode\":…,\"leerlingresultaten\":[…]} or give the school with the import");
            }

            var output = new List<Parsed<OutflowRecord>>();
            if (messages.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var message in messages.EnumerateArray())
                {
                    Message(message, $"{basePath}[{i++}]", school.Value, output);
                }
            }
            else if (messages.ValueKind == JsonValueKind.Object)
            {
                Message(messages, basePath, school.Value, output);
            }
            else
            {
                throw new ImportFileException("the chain JSON holds neither a leerlingresultaat object nor an array of them");
            }

            return output;
        }
    }

    /// <summary>
    /// The wrapper's school holds for every message in the file, so a bad one refuses the file, naming the field
    /// (found by fuzzing: a number, an unknown BRIN or invalid UTF-8 here used to escape as an unhandled exception).
    /// </summary>
    private static SchoolId WrapperSchool(JsonElement root, JsonElement brin)
    {
        try
        {
            var vestiging = root.TryGetProperty("vestigingscode", out var v) && int.TryParse(v.ToString(), out var n) ? n : 0;
            return brin.ValueKind == JsonValueKind.String
                ? SchoolId.Create(brin.GetString(), vestiging)
                : throw new ImportFileException($"$.instellingscode must be text such as \"00AP\", found {brin.ValueKind.ToString().ToLowerInvariant()}");
        }
        catch (DomainFormatException e)
        {
            throw new ImportFileException($"the chain JSON's school is not valid: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            // GetString/ToString throw this when the text is not valid UTF-8 (the document parser does not check).
            throw new ImportFileException("$.instellingscode or $.vestigingscode is not valid UTF-8 text");
        }
    }

    private static void Message(JsonElement message, string path, SchoolId school, List<Parsed<OutflowRecord>> output)
    {
        try
        {
            var year = SchoolYear.Parse(Text(message, "schooljaar", path));
            var scores = Member(message, "resultatenscores", path);
            var scoresPath = $"{path}.resultatenscores";
            var refs = Member(scores, "deelnemerref", scoresPath);
            var pupil = refs.ValueKind == JsonValueKind.Array && refs.GetArrayLength() > 0
                ? Text(refs[0], "onderwijsdeelnemerID", $"{scoresPath}.deelnemerref[0]")
                : throw new ChainFormatException($"{scoresPath}.deelnemerref", "no pupil reference");
            if (pupil.Length > 64)
            {
                throw new ChainFormatException($"{scoresPath}.deelnemerref[0].onderwijsdeelnemerID", "longer than 64 characters");
            }

            var providerText = Text(scores, "toetsdefinitie", scoresPath);
            if (!Providers.TryOutflow(providerText, out var provider))
            {
                throw new ChainFormatException($"{scoresPath}.toetsdefinitie", $"unknown aanbieder '{providerText}': expected ROUTE_8, ICE, DIA, AMN, LEERLING_IN_BEELD or DOE");
            }

            var results = Member(Member(scores, "resultaten", scoresPath), "resultaten", $"{scoresPath}.resultaten");
            var i = 0;
            foreach (var result in results.EnumerateArray())
            {
                var at = $"{scoresPath}.resultaten.resultaten[{i++}]";
                if (!result.TryGetProperty("label", out var label) || label.ValueKind != JsonValueKind.String)
                {
                    output.Add(Row.Fail<OutflowRecord>(0, "missing label", at));
                    continue;
                }

                if (!string.Equals(label.GetString(), "Referentieniveau", StringComparison.OrdinalIgnoreCase))
                {
                    continue; // Toetsadvies and other labels are not results we keep.
                }

                try
                {
                    var subject = Subjects.Parse(Text(result, "toetseenheid", at));
                    var level = ReferenceLevels.Parse(Text(result, "waarde", at));
                    output.Add(level.IsValidFor(subject)
                        ? Row.Ok<OutflowRecord>(0, new OutflowRecord(school, pupil, year, provider, subject, level, false), at)
                        : Row.Fail<OutflowRecord>(0, $"referentieniveau {level.Code()} does not exist for {subject.Code()}", at));
                }
                catch (Exception e) when (e is DomainFormatException or ChainFormatException)
                {
                    output.Add(Row.Fail<OutflowRecord>(0, e is ChainFormatException c ? c.Reason : e.Message, e is ChainFormatException cp ? cp.Path : at));
                }
            }
        }
        catch (ChainFormatException e)
        {
            output.Add(Row.Fail<OutflowRecord>(0, e.Reason, e.Path));
        }
        catch (DomainFormatException e)
        {
            output.Add(Row.Fail<OutflowRecord>(0, e.Message, path));
        }
        catch (InvalidOperationException)
        {
            output.Add(Row.Fail<OutflowRecord>(0, "not a leerlingresultaat object", path));
        }
    }

    private static JsonElement Member(JsonElement element, string name, string path) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new ChainFormatException($"{path}.{name}", "missing");

    private static string Text(JsonElement element, string name, string path)
    {
        var value = Member(element, name, path);
        return value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ToString()
            : throw new ChainFormatException($"{path}.{name}", "expected text");
    }

    private sealed class ChainFormatException(string path, string reason) : Exception(reason)
    {
        public string Path { get; } = path;

        public string Reason { get; } = reason;
    }
}
