namespace Uitstroom.Predict.Schools;

/// <summary>
/// The status of a school from its largest probability of ending below a signaleringswaarde, over both indicators
/// and the next three judgement years. Groen below 20%; rood from 50% (more likely below than not); oranje between.
/// The Inspectie set its values so that about 1 school in 10 is below; 20% is twice that base rate, so oranje means
/// "clearly more at risk than a typical school" and rood "expected to be below".
/// </summary>
public static class StatusRule
{
    public const double OranjeFrom = 0.20;
    public const double RoodFrom = 0.50;

    public static SchoolStatus Of(double maxProbabilityBelow) =>
        maxProbabilityBelow >= RoodFrom ? SchoolStatus.Rood
        : maxProbabilityBelow >= OranjeFrom ? SchoolStatus.Oranje
        : SchoolStatus.Groen;
}
