using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Norms;

/// <summary>
/// The scores that are "on track" for 1F and for the target level, for one provider, subject and test moment.
/// </summary>
public sealed record NormCut(Subject Subject, TestMoment Moment, double Fundamental, double Target);

/// <summary>One version of a provider's norm table, with where its numbers come from.</summary>
public sealed record NormTable(string Provider, int Version, string Source, bool Illustrative, IReadOnlyList<NormCut> Cuts);
