namespace Uitstroom.Ingest.Importing;

/// <summary>
/// What one import has seen of each pupil, to reject a conflicting duplicate or a pupil in two schools at once
/// with the line of the row it conflicts with. Compact on purpose (16 bytes a row): a national file has millions
/// of rows. Keys are computed once per pupil, not per row.
/// </summary>
internal sealed class PupilLedger(PupilKeys keys)
{
    private readonly Dictionary<string, Dictionary<string, Pupil>> _boards = new(StringComparer.Ordinal);

    public Pupil Get(string bgnr, string pupilId)
    {
        if (!_boards.TryGetValue(bgnr, out var pupils))
        {
            _boards[bgnr] = pupils = new Dictionary<string, Pupil>(StringComparer.Ordinal);
        }

        if (!pupils.TryGetValue(pupilId, out var pupil))
        {
            pupils[pupilId] = pupil = new Pupil(keys.Key(bgnr, pupilId));
        }

        return pupil;
    }

    public IReadOnlyCollection<string> Boards => _boards.Keys;

    internal readonly record struct Seen(int Slot, int Fingerprint, int School, int Line);

    /// <summary>The outcome of <see cref="Pupil.Record"/>.</summary>
    internal enum Verdict
    {
        New,
        SameAsBefore,
        Conflict,
        OtherSchool,
    }

    internal sealed class Pupil(string key)
    {
        // A plain array grown by half: a pupil has some 18–36 rows, and List's doubling would waste a third.
        private Seen[] _seen = [];
        private int _count;

        public string Key { get; } = key;

        /// <summary>
        /// Records a row for <paramref name="slot"/> (a result's identity for this pupil). <paramref name="when"/>
        /// is the slot without the subject: two rows at the same time must come from the same school.
        /// </summary>
        public Verdict Record(int slot, int when, int whenShift, int fingerprint, int school, int line, out int earlierLine)
        {
            foreach (var s in _seen.AsSpan(0, _count))
            {
                if (s.Slot >> whenShift == when && s.School != school)
                {
                    earlierLine = s.Line;
                    return Verdict.OtherSchool;
                }

                if (s.Slot == slot)
                {
                    earlierLine = s.Line;
                    return s.Fingerprint == fingerprint ? Verdict.SameAsBefore : Verdict.Conflict;
                }
            }

            if (_count == _seen.Length)
            {
                Array.Resize(ref _seen, Math.Max(6, _count + (_count / 2)));
            }

            _seen[_count++] = new Seen(slot, fingerprint, school, line);
            earlierLine = 0;
            return Verdict.New;
        }
    }
}
