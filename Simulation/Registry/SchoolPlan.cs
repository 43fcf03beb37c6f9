using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Simulation.Registry;

/// <summary>
/// A school before its pupils are drawn: identity, board, schoolweging, usual groep size, LVS provider, and its
/// hidden effect and trend (z units). Planned for the whole world at once; cheap, and fixes the school's index.
/// </summary>
public sealed record SchoolPlan(
    int Index,
    SchoolId Id,
    string Bestuur,
    string Name,
    double Schoolweging,
    double GroupSize,
    string Provider,
    string Doorstroomtoets,
    double Effect,
    double TrendPerYear);
