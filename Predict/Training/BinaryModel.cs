using Microsoft.ML;

namespace Uitstroom.Predict.Training;

/// <summary>A trained learner for one target with the calibrator fitted on held-out data.</summary>
public sealed class BinaryModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, CalibratorSet calibrator)
{
    // Scoring goes through IDataView in blocks: the per-row PredictionEngine costs far more than the trees.
    private const int Block = 65_536;

    public ITransformer Transformer => transformer;

    public DataViewSchema InputSchema => inputSchema;

    public CalibratorSet Calibrator => calibrator;

    public BinaryModel WithCalibrator(CalibratorSet c) => new(ml, transformer, inputSchema, c);

    /// <summary>Raw learner scores (uncalibrated), in row order.</summary>
    public float[] Scores(IReadOnlyList<float[]> rows)
    {
        var scores = new float[rows.Count];
        var blocks = (rows.Count + Block - 1) / Block;
        // Blocks are independent: Transform is safe to call concurrently on separate data views.
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b =>
        {
            var start = b * Block;
            var count = Math.Min(Block, rows.Count - start);
            var input = new ExampleRow[count];
            for (var i = 0; i < count; i++)
            {
                input[i] = new ExampleRow { Features = rows[start + i] };
            }

            var scored = transformer.Transform(ml.Data.LoadFromEnumerable(input, inputSchema));
            var i2 = start;
            foreach (var s in ml.Data.CreateEnumerable<ScoreRow>(scored, reuseRowObject: true))
            {
                scores[i2++] = s.Score;
            }
        });
        return scores;
    }

    /// <summary>Calibrated probabilities, in row order.</summary>
    public double[] Probabilities(IReadOnlyList<float[]> rows) => Probabilities(rows, Scores(rows)).Marginal;

    /// <summary>
    /// From raw scores: the probability a pupil is told (over the levels a coming year may have), and the probability
    /// at the centred year level, which the school counts need because one year's level is shared by all its pupils.
    /// </summary>
    public (double[] Marginal, double[] AtLevel) Probabilities(IReadOnlyList<float[]> rows, float[] scores)
    {
        var marginal = new double[scores.Length];
        var atLevel = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            var logit = calibrator.Logit(rows[i], scores[i]);
            atLevel[i] = PlattCalibrator.Sigmoid(logit);
            marginal[i] = GaussHermite.LogisticNormalMean(logit, calibrator.YearVariance);
        }

        return (marginal, atLevel);
    }
}
