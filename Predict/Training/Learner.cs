namespace Uitstroom.Predict.Training;

/// <summary>The learners the backtest chooses between.</summary>
public enum Learner
{
    FastTree,
    LightGbm,
    Logistic,
}

public static class Learners
{
    public static readonly IReadOnlyList<Learner> All = [Learner.FastTree, Learner.LightGbm, Learner.Logistic];

    public static string Code(this Learner learner) => learner switch
    {
        Learner.FastTree => "fasttree",
        Learner.LightGbm => "lightgbm",
        _ => "logistic",
    };

    public static Learner Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "fasttree" => Learner.FastTree,
        "lightgbm" => Learner.LightGbm,
        "logistic" => Learner.Logistic,
        _ => throw new ArgumentException($"unknown learner '{text}': expected fasttree, lightgbm or logistic"),
    };
}
