using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Uitstroom.Predict.Training;

/// <summary>Builds the Microsoft.ML pipeline for a learner.</summary>
public static class LearnerFactory
{
    public static IEstimator<ITransformer> Create(MLContext ml, TrainingOptions options) => options.Learner switch
    {
        Learner.FastTree => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = 100,
            LearningRate = 0.15,
            Seed = options.Seed,
            // One thread keeps training reproducible and leaves the other core to the service.
            NumberOfThreads = 1,
        }),
        Learner.LightGbm => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = 100,
            LearningRate = 0.15,
            Seed = options.Seed,
            // With OpenMP's default thread count LightGBM spins on 2 cores and is 25–80× slower (platform-notes).
            NumberOfThreads = 1,
            Verbose = false,
            Silent = true,
        }),
        _ => ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L2Regularization = 0.01f,
                NumberOfThreads = 1,
            })),
    };
}
