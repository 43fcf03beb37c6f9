using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Simulation.Model;
using Uitstroom.Simulation.Norms;

namespace Uitstroom.Simulation.Tests;

/// <summary>
/// Acceptance 2 (shared with the Normalise issue): the same latent pupil, tested by different providers, maps
/// through the shipped norm tables to the same uniform value within the noise the simulator put in.
/// </summary>
public class CrossProviderTests
{
    private static readonly ShippedNorms Norms = ShippedNorms.Instance;

    [Fact]
    public void Cito_iep_and_dia_norm_tables_are_all_shipped_and_cover_groep_5_to_M8()
    {
        Norms.Providers.ShouldBe(["CITO", "DIA", "IEP"]);
        foreach (var provider in Norms.Providers)
        {
            foreach (var groep in new[] { 5, 6, 7, 8 })
            {
                Norms.Moments(provider, groep).ShouldNotBeEmpty($"{provider} has no moment in groep {groep}");
            }
        }
    }

    [Theory]
    [InlineData(60.0)]
    [InlineData(100.0)]
    [InlineData(163.5)]
    [InlineData(200.0)]
    [InlineData(251.0)]
    public void A_noise_free_pupil_lands_on_the_same_uniform_value_at_every_provider_within_the_score_rounding(double latent)
    {
        foreach (var subject in Subjects.All)
        {
            foreach (var moment in new[] { TestMoment.Parse("M5"), TestMoment.Parse("E6"), TestMoment.Parse("M7"), TestMoment.Parse("M8") })
            {
                var values = Norms.Providers.Select(p =>
                {
                    var cut = Norms.Cut(p, subject, moment);
                    // Scores are written with one decimal: that rounding is the only error without test noise.
                    var score = Math.Round(UniformScale.ToScore(latent, cut), 1);
                    var rounding = 0.05 * 100 / (cut.Target - cut.Fundamental);
                    return (Value: UniformScale.FromScore(score, cut), Rounding: rounding);
                }).ToList();
                foreach (var v in values)
                {
                    Math.Abs(v.Value - latent).ShouldBeLessThanOrEqualTo(v.Rounding + 1e-9, $"{subject} {moment}");
                }
            }
        }
    }

    [Fact]
    public void Simulated_lvs_results_differ_from_the_latent_value_by_the_test_noise_put_in_and_by_no_provider_bias()
    {
        var world = World.Generate(new SimulationOptions { Seed = 5, Schools = 90 });
        var errors = world.Schools()
            .SelectMany(s => s.Pupils.SelectMany(p => p.Tests))
            .Where(t => t.Moment.Groep >= 5)
            .GroupBy(t => (t.Provider, t.Subject))
            .ToDictionary(g => g.Key, g => g.Select(t => t.ObservedUniform - t.TrueUniform).ToList());
        errors.Keys.Select(k => k.Provider).Distinct().Count().ShouldBe(3);
        foreach (var ((provider, subject), list) in errors)
        {
            var noise = ModelParameters.LvsNoiseSd * ModelParameters.Outflow(subject).Sd;
            var mean = list.Average();
            var sd = Math.Sqrt(list.Sum(e => (e - mean) * (e - mean)) / (list.Count - 1));
            list.Count.ShouldBeGreaterThan(500, $"{provider} {subject}");
            Math.Abs(mean).ShouldBeLessThan(4 * noise / Math.Sqrt(list.Count) + 0.5, $"{provider} {subject}: bias {mean:0.00}");
            sd.ShouldBeInRange(noise * 0.95, noise * 1.05, $"{provider} {subject}: sd {sd:0.00} vs noise {noise:0.00}");
        }
    }
}
