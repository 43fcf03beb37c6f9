using Grpc.Core;
using Polly;
using Polly.Retry;
using Uitstroom.Contracts.Normalise.V1;
using Uitstroom.Domain.Results;
using ContractMoment = Uitstroom.Contracts.Normalise.V1.TestMoment;
using ContractSubject = Uitstroom.Contracts.Normalise.V1.Subject;

namespace Uitstroom.Ingest.Importing;

/// <summary>
/// Calls Normalise's columnar NormaliseBatch. Normalise refuses a whole batch for one result it cannot place (a
/// moment its table lacks); the import then stores that batch raw and says so, rather than failing the import:
/// raw values are never lost, and re-normalising is a later, separate step.
/// Normalise being down is different: storing a whole file raw because a pod was restarting would quietly leave
/// those results out of every forecast. So an unreachable Normalise is retried (<see cref="Outage"/>) and, if it stays
/// away, fails the import: the file's transaction rolls back, the store is unchanged, and the caller imports again.
/// </summary>
public sealed class GrpcResultNormaliser(NormTables.NormTablesClient client, ILogger<GrpcResultNormaliser> logger) : IResultNormaliser
{
    /// <summary>
    /// Retry with jitter around NormaliseBatch. The call is a pure function of its request, so repeating it is safe
    /// (idempotent); the channel's own retry (ServiceDefaults) already bridges a refused connection for about a second,
    /// this bridges a Normalise restart (a few seconds) without failing an import that may have run for minutes.
    /// Jitter keeps the batches of several concurrent imports from hammering a recovering Normalise in step.
    /// </summary>
    private static readonly ResiliencePipeline Outage = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded),
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
        })
        .Build();

    public async ValueTask<NormaliseOutcome> NormaliseAsync(IReadOnlyList<LvsResult> batch, CancellationToken cancellationToken)
    {
        var request = new NormaliseBatchRequest();
        // Sized once: adding element by element would regrow every column several times per batch.
        request.ProviderIndex.Capacity = request.Subject.Capacity = request.Moment.Capacity = batch.Count;
        request.Score.Capacity = request.Percentile.Capacity = batch.Count;
        var providers = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var r in batch)
        {
            if (!providers.TryGetValue(r.Provider, out var index))
            {
                providers[r.Provider] = index = (uint)providers.Count;
                request.Providers.Add(r.Provider);
                request.TableVersions.Add(0);
            }

            request.ProviderIndex.Add(index);
            request.Subject.Add(r.Subject switch
            {
                Domain.Vocabulary.Subject.Lezen => ContractSubject.Lezen,
                Domain.Vocabulary.Subject.Taalverzorging => ContractSubject.Taalverzorging,
                _ => ContractSubject.Rekenen,
            });
            request.Moment.Add(Moment(r.Moment));
            request.Score.Add(r.Score);
            request.Percentile.Add(r.Percentile ?? double.NaN);
        }

        try
        {
            var reply = await Outage.ExecuteAsync(
                async ct => await client.NormaliseBatchAsync(request, cancellationToken: ct), cancellationToken);
            var values = new Normalised?[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var version = reply.TableVersions.Count > (int)request.ProviderIndex[i] ? reply.TableVersions[(int)request.ProviderIndex[i]] : 0;
                values[i] = double.IsFinite(reply.Uniform[i]) ? new Normalised(reply.Uniform[i], version) : null;
            }

            return new NormaliseOutcome(values, null);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            // Thrown from inside the import: its transaction rolls back and the client gets this status and text.
            logger.LogWarning("NormaliseBatch failed after retries ({Status}: {Detail}); the import is abandoned", e.StatusCode, e.Status.Detail);
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"Normalise did not answer ({e.StatusCode}: {e.Status.Detail}); nothing of this file was stored. Import it again when Normalise is back."));
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.Unimplemented)
        {
            logger.LogWarning("NormaliseBatch failed ({Status}: {Detail}); storing {Count} results raw", e.StatusCode, e.Status.Detail, batch.Count);
            return new NormaliseOutcome(new Normalised?[batch.Count],
                $"Normalise could not place some results ({e.StatusCode}: {e.Status.Detail}); those batches were stored without uniform values");
        }
    }

    private static ContractMoment Moment(Domain.Vocabulary.TestMoment moment) =>
        // The contract numbers moments in career order from M3 = 1, two per groep (B8 and M8 for groep 8).
        (ContractMoment)(((moment.Groep - 3) * 2) + (moment.Kind == MomentKind.Eind || (moment.Kind == MomentKind.Midden && moment.Groep == 8) ? 2 : 1));
}
