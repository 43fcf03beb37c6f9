using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Uitstroom.Domain.Results;
using Uitstroom.Ingest.Parsing;
using Uitstroom.Ingest.Norms;
using Uitstroom.Ingest.Store;

namespace Uitstroom.Ingest.Importing;

/// <summary>
/// Imports one uploaded file: reads it in its format, checks every row against the registry and the other rows,
/// normalises LVS results in batches, and writes everything in one transaction. Default: valid rows are stored and
/// the rest reported; strict: any rejection stores nothing. A file that cannot be read at all stores nothing.
/// </summary>
public sealed class Importer(
    ImportStore store, PupilKeys keys, IResultNormaliser normaliser, ILvsProviderDirectory providers, IOptions<ImportLimits> limits, ILogger<Importer> logger)
{
    private const int ProgressEvery = 50_000;

    public async Task<ImportReport> ImportAsync(
        string path, ImportRequestInfo request, Action<ImportProgressInfo> progress, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        // A pupil the store already holds at another school for the same time is only found once every row is
        // written. The batch is then rolled back and the file read once more with those rows rejected: a second
        // pass costs only files that have such pupils, and the store is never left with half a correction.
        IReadOnlyDictionary<(string Key, int Year, string Moment), SchoolClash> clashes = new Dictionary<(string, int, string), SchoolClash>();
        while (true)
        {
            var run = new Run(request, progress, limits.Value, new PupilLedger(keys), clashes);
            try
            {
                var schools = await RegistryAsync(cancellationToken);
                // The file is opened and its LVS providers asked of Normalise before the write transaction begins:
                // no call to another service should wait while the store's write lock is held. Unreachable, Normalise
                // fails the import (Unavailable) with nothing stored.
                using var table = IsJson(path) ? null : CsvTable.Open(path, limits.Value);
                var known = table?.Format == FileFormat.LvsCsv ? await providers.LookupAsync(cancellationToken) : null;
                await using var batch = await store.BeginAsync(cancellationToken);
                await ReadAsync(path, table, known, schools, batch, run, cancellationToken);
                progress(run.Progress);
                if (clashes.Count == 0)
                {
                    var found = await batch.FindSchoolClashesAsync(cancellationToken);
                    if (found.Count > 0)
                    {
                        logger.LogInformation("Import of {File}: {Count} pupil-moment(s) clash with another school in the store; reading it again without them",
                            request.FileName, found.Count);
                        clashes = found.DistinctBy(c => (c.PupilKey, c.SchoolYear, c.Moment)).ToDictionary(c => (c.PupilKey, c.SchoolYear, c.Moment));
                        continue;
                    }
                }

                var audit = run.Audit(started);
                if (request.Strict && run.Rejections.Count > 0)
                {
                    await batch.DisposeAsync();
                    var refusedId = await store.RecordRefusedAsync(audit, CancellationToken.None);
                    return run.Report(refusedId, "refused", 0,
                        $"strict import: {run.Rejections.Count} row(s) rejected, so nothing was stored");
                }

                var outcome = await batch.CommitAsync(audit, [.. run.Boards], cancellationToken);
                logger.LogInformation("Import {Id} of {File}: {Outcome}, {Accepted} accepted, {Rejected} rejected, {Changed} changed",
                    batch.ImportId, request.FileName, outcome, run.Accepted, run.Rejections.Count, batch.Changed);
                return run.Report(batch.ImportId, outcome, batch.Changed, null);
            }
            catch (ImportFileException e)
            {
                var id = await store.RecordRefusedAsync(run.Audit(started), CancellationToken.None);
                return run.Report(id, "refused", 0, e.Message);
            }
        }
    }

    /// <summary>Reads the file in its format (chain JSON when <paramref name="table"/> is null) and writes its valid rows to the batch.</summary>
    private async Task ReadAsync(
        string path, CsvTable? table, LvsProviderLookup? known, Dictionary<SchoolId, (string Bgnr, int Index)> schools,
        ImportBatch batch, Run run, CancellationToken cancellationToken)
    {
        if (table is null)
        {
            run.Format = "chain-json";
            run.Encoding = "utf-8";
            await OutflowAsync(ChainJsonParser.Parse(path, run.Request.School), schools, batch, run, cancellationToken);
            return;
        }

        run.Format = table.Format switch
        {
            FileFormat.LvsCsv => "lvs-csv",
            FileFormat.OutflowCsv => "outflow-csv",
            _ => "schools-csv",
        };
        run.Encoding = table.Encoding;
        run.Warnings.AddRange(table.Warnings);
        switch (table.Format)
        {
            case FileFormat.LvsCsv:
                await LvsAsync(new LvsCsvParser(table, known), schools, batch, run, cancellationToken);
                break;
            case FileFormat.OutflowCsv:
                await OutflowAsync(new OutflowCsvParser(table).Rows(), schools, batch, run, cancellationToken);
                break;
            default:
                await SchoolsAsync(new SchoolsCsvParser(table), schools, batch, run, cancellationToken);
                break;
        }
    }

    private async Task<Dictionary<SchoolId, (string Bgnr, int Index)>> RegistryAsync(CancellationToken cancellationToken)
    {
        var schools = await store.SchoolsAsync(cancellationToken);
        var map = new Dictionary<SchoolId, (string, int)>(schools.Count);
        for (var i = 0; i < schools.Count; i++)
        {
            map[new SchoolId(schools[i].Brin, schools[i].Vestiging)] = (schools[i].Bgnr, i);
        }

        return map;
    }

    private async Task LvsAsync(LvsCsvParser parser, Dictionary<SchoolId, (string Bgnr, int Index)> schools,
        ImportBatch batch, Run run, CancellationToken cancellationToken)
    {
        var ledger = run.Ledger;
        using var pipeline = new LvsPipeline(normaliser, batch, run.Warn, cancellationToken);
        try
        {
            foreach (var parsed in parser.Rows())
            {
                run.Count(parsed.Line, parsed.Path);
                if (run.Read % ProgressEvery == 0)
                {
                    run.ReportProgress();
                }

                if (parsed.Value is not { } r)
                {
                    run.Reject(parsed.ToRejection());
                    continue;
                }

                if (!run.Admit(r.School, schools, parsed.Line, out var bgnr, out var schoolIndex))
                {
                    continue;
                }

                var pupil = ledger.Get(bgnr, r.PupilId);
                if (run.ClashesInStore(pupil.Key, r.Year, MomentCodes.Of(r.Moment), parsed.Line, parsed.Path))
                {
                    continue;
                }

                run.Boards.Add(bgnr);
                // Slot: the result's identity for this pupil (year, moment, subject); "when" drops the subject.
                var when = ((r.Year.StartYear - 1900) * 32) + r.Moment.Ordinal;
                var slot = (when << 2) | (int)r.Subject;
                var fingerprint = HashCode.Combine(r.Score, r.Percentile, r.Niveau, r.ReportedLevel, r.TakenOn, r.Groep, r.Provider);
                switch (pupil.Record(slot, when, 2, fingerprint, schoolIndex, parsed.Line, out var earlier))
                {
                    case PupilLedger.Verdict.SameAsBefore:
                        run.Accepted++;
                        continue;
                    case PupilLedger.Verdict.Conflict:
                        run.Reject(new Rejection(parsed.Line, "", $"conflicting duplicate: line {earlier} gives another result for this pupil, {r.Year} {r.Moment} {r.Subject.Code()}"));
                        continue;
                    case PupilLedger.Verdict.OtherSchool:
                        run.Reject(new Rejection(parsed.Line, "", $"pupil in two schools at once: line {earlier} places this pupil at another school for {r.Year} {r.Moment}"));
                        continue;
                }

                run.Accepted++;
                await pipeline.AddAsync(pupil.Key, r);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException && !cancellationToken.IsCancellationRequested)
        {
            // A later stage failed and stopped this one: completing the pipeline reports that stage's error.
        }
        catch
        {
            await pipeline.AbandonAsync();
            throw;
        }

        await pipeline.CompleteAsync();
    }

    private static async Task OutflowAsync(IEnumerable<Parsed<OutflowRecord>> rows, Dictionary<SchoolId, (string Bgnr, int Index)> schools,
        ImportBatch batch, Run run, CancellationToken cancellationToken)
    {
        var ledger = run.Ledger;
        foreach (var parsed in rows)
        {
            run.Count(parsed.Line, parsed.Path);
            if (parsed.Value is not { } r)
            {
                run.Reject(parsed.ToRejection());
                continue;
            }

            if (!run.Admit(r.School, schools, parsed.Line, out var bgnr, out var schoolIndex, parsed.Path))
            {
                continue;
            }

            var pupil = ledger.Get(bgnr, r.PupilId);
            if (run.ClashesInStore(pupil.Key, r.Year, "", parsed.Line, parsed.Path))
            {
                continue;
            }

            run.Boards.Add(bgnr);
            var when = r.Year.StartYear - 1900;
            var slot = (when << 2) | (int)r.Subject;
            var fingerprint = HashCode.Combine(r.Level, r.Exempt, r.Provider);
            switch (pupil.Record(slot, when, 2, fingerprint, schoolIndex, parsed.Line, out var earlier))
            {
                case PupilLedger.Verdict.SameAsBefore:
                    run.Accepted++;
                    continue;
                case PupilLedger.Verdict.Conflict:
                    run.Reject(new Rejection(parsed.Line, parsed.Path, $"conflicting duplicate: an earlier row{(earlier > 0 ? $" (line {earlier})" : "")} gives another {r.Subject.Code()} result for this pupil in {r.Year}"));
                    continue;
                case PupilLedger.Verdict.OtherSchool:
                    run.Reject(new Rejection(parsed.Line, parsed.Path, $"pupil in two schools at once: an earlier row{(earlier > 0 ? $" (line {earlier})" : "")} places this pupil at another school in {r.Year}"));
                    continue;
            }

            run.Accepted++;
            await batch.WriteOutflowAsync(pupil.Key, r, cancellationToken);
            if (run.Read % ProgressEvery == 0)
            {
                run.ReportProgress();
            }
        }
    }

    private static async Task SchoolsAsync(SchoolsCsvParser parser, Dictionary<SchoolId, (string Bgnr, int Index)> registered,
        ImportBatch batch, Run run, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<SchoolId, (int Line, SchoolRecord School)>();
        foreach (var parsed in parser.Rows())
        {
            run.Count(parsed.Line, parsed.Path);
            if (parsed.Value is not { } s)
            {
                run.Reject(parsed.ToRejection());
                continue;
            }

            if (run.Request.Board is { } only && only != s.Bgnr)
            {
                run.Reject(new Rejection(parsed.Line, "", $"school {s.School} belongs to board {s.Bgnr}, not to board {only} this import is for"));
                continue;
            }

            // A board-scoped import may not move another board's school to itself (docs/security.md).
            if (run.Request.Board is { } own && registered.TryGetValue(s.School, out var holder) && holder.Bgnr != own)
            {
                run.Reject(new Rejection(parsed.Line, "", $"school {s.School} is registered to board {holder.Bgnr}; only that board or an admin can change it"));
                continue;
            }

            if (seen.TryGetValue(s.School, out var earlier))
            {
                if (earlier.School != s)
                {
                    run.Reject(new Rejection(parsed.Line, "", $"conflicting duplicate: line {earlier.Line} describes school {s.School} differently"));
                }
                else
                {
                    run.Accepted++;
                }

                continue;
            }

            seen[s.School] = (parsed.Line, s);
            run.Boards.Add(s.Bgnr);
            run.Accepted++;
            await batch.WriteSchoolAsync(s, cancellationToken);
        }
    }

    private static bool IsJson(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[64];
        var n = file.Read(head);
        var text = head[..n];
        // Skip a UTF-8 byte-order mark and leading white space.
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = text[3..];
        }

        var start = text.IndexOfAnyExcept((ReadOnlySpan<byte>)" \t\r\n"u8);
        return start >= 0 && text[start] is (byte)'{' or (byte)'[';
    }

    /// <summary>The state of one import run: counts, rejections, the boards it touched.</summary>
    private sealed class Run(ImportRequestInfo request, Action<ImportProgressInfo> progress, ImportLimits limits,
        PupilLedger ledger, IReadOnlyDictionary<(string Key, int Year, string Moment), SchoolClash> clashes)
    {
        public PupilLedger Ledger { get; } = ledger;

        public ImportRequestInfo Request { get; } = request;

        public string Format { get; set; } = "unknown";

        public string Encoding { get; set; } = "";

        public long Read { get; set; }

        public long Accepted { get; set; }

        public List<Rejection> Rejections { get; } = [];

        public List<string> Warnings { get; } = [];

        public HashSet<string> Boards { get; } = new(StringComparer.Ordinal);

        public ImportProgressInfo Progress => new(Read, Accepted, Rejections.Count);

        public void ReportProgress() => progress(Progress);

        /// <summary>Rejects a row whose pupil the store holds at another school for the same year and moment.</summary>
        public bool ClashesInStore(string pupilKey, SchoolYear year, string moment, int line, string path)
        {
            if (clashes.Count == 0 || !clashes.TryGetValue((pupilKey, year.StartYear, moment), out var clash))
            {
                return false;
            }

            Reject(new Rejection(line, path,
                $"pupil in two schools at once: the store already places this pupil at {clash.Brin} vestiging {clash.Vestiging} for {year}{(moment.Length > 0 ? " " + moment : "")} (import {clash.ImportId}); " +
                "correct this file, or the earlier import"));
            return true;
        }

        /// <summary>Counts one data row; past the row limit the whole file is refused, so nothing of it is stored.</summary>
        public void Count(int line, string path)
        {
            if (++Read > limits.MaxRowsPerImport)
            {
                throw new ImportFileException(
                    $"{(path.Length > 0 ? path : $"line {line}")}: the file has more than {limits.MaxRowsPerImport:N0} rows, the most one import may have " +
                    $"({ImportLimits.Setting(nameof(ImportLimits.MaxRowsPerImport))}); split it, for example per school year");
            }
        }

        public void Reject(Rejection rejection) => Rejections.Add(rejection);

        /// <summary>Adds a warning once; called from the pipeline's store stage, so it locks.</summary>
        public void Warn(string warning)
        {
            lock (Warnings)
            {
                if (!Warnings.Contains(warning))
                {
                    Warnings.Add(warning);
                }
            }
        }

        public bool Admit(SchoolId school, Dictionary<SchoolId, (string Bgnr, int Index)> schools, int line,
            out string bgnr, out int index, string path = "")
        {
            if (!schools.TryGetValue(school, out var known))
            {
                Reject(new Rejection(line, path, $"unknown school {school.Brin} vestiging {school.Vestiging}: it is not in the registry (import scholen.csv or the DUO registry first)"));
                (bgnr, index) = ("", -1);
                return false;
            }

            if (Request.Board is { } only && only != known.Bgnr)
            {
                Reject(new Rejection(line, path, $"school {school.Brin} vestiging {school.Vestiging} belongs to board {known.Bgnr}, not to board {only} this import is for"));
                (bgnr, index) = ("", -1);
                return false;
            }

            (bgnr, index) = known;
            return true;
        }

        public ImportAudit Audit(DateTimeOffset started) =>
            new(Request.Who, started, Request.FileName, Format, Request.ContentSha256, Request.Strict, Read, Accepted, Rejections.Count);

        public ImportReport Report(long id, string outcome, long changed, string? error) =>
            new(id, Request.FileName, Format, Encoding, Request.ContentSha256, outcome, Read,
                outcome == "refused" ? 0 : Accepted, Rejections.Count, changed, Rejections, Warnings,
                [.. Boards.Order(StringComparer.Ordinal)], error);
    }
}
