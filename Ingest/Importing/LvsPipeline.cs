using System.Threading.Channels;
using Uitstroom.Domain.Results;
using Uitstroom.Ingest.Store;

namespace Uitstroom.Ingest.Importing;

/// <summary>
/// Carries accepted LVS rows from the parser to the store in batches, with three stages running at once: the caller
/// parses and checks rows, one task awaits Normalise for each full batch, another writes normalised batches to the
/// store. Serially the three costs add up; overlapped, an import takes about as long as its slowest stage
/// (docs/ingest-performance.md). Bounded channels keep at most a few batches in memory, and a failure in any stage
/// stops the others and surfaces from <see cref="CompleteAsync"/>.
/// </summary>
internal sealed class LvsPipeline : IDisposable
{
    public const int BatchSize = 8192;

    private readonly Channel<Batch> _toNormalise = Channel.CreateBounded<Batch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
    private readonly Channel<(Batch Batch, NormaliseOutcome Outcome)> _toStore =
        Channel.CreateBounded<(Batch, NormaliseOutcome)>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });

    private readonly CancellationTokenSource _stop;
    private readonly Task _normalising;
    private readonly Task _storing;
    private Batch _filling = new();

    public LvsPipeline(IResultNormaliser normaliser, ImportBatch store, Action<string> warn, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stop = _stop.Token;
        _normalising = Task.Run(() => Stage(_toStore.Writer, async () =>
        {
            await foreach (var batch in _toNormalise.Reader.ReadAllAsync(stop))
            {
                var outcome = await normaliser.NormaliseAsync(batch.Results, stop);
                await _toStore.Writer.WriteAsync((batch, outcome), stop);
            }
        }), stop);
        _storing = Task.Run(() => Stage(null, async () =>
        {
            await foreach (var (batch, outcome) in _toStore.Reader.ReadAllAsync(stop))
            {
                if (outcome.Problem is { } problem)
                {
                    warn(problem);
                }

                await store.ResolvePupilsAsync(batch.Keys, stop);
                for (var i = 0; i < batch.Results.Count; i++)
                {
                    await store.WriteLvsAsync(batch.Keys[i], batch.Results[i], outcome.Values[i], stop);
                }
            }
        }), stop);
    }

    /// <summary>Queues one accepted row; waits only when the later stages are a few batches behind.</summary>
    public ValueTask AddAsync(string pupilKey, LvsResult result)
    {
        _filling.Results.Add(result);
        _filling.Keys.Add(pupilKey);
        if (_filling.Results.Count < BatchSize)
        {
            return ValueTask.CompletedTask;
        }

        var full = _filling;
        _filling = new Batch();
        return _toNormalise.Writer.WriteAsync(full, _stop.Token);
    }

    /// <summary>Sends the last partial batch and waits until every row is written (or a stage failed).</summary>
    public async Task CompleteAsync()
    {
        try
        {
            if (_filling.Results.Count > 0)
            {
                await _toNormalise.Writer.WriteAsync(_filling, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            // A stage failed (or the call was cancelled): waiting for the stages below reports why.
        }
        finally
        {
            _toNormalise.Writer.TryComplete();
        }

        await Task.WhenAll(_normalising, _storing);
    }

    /// <summary>
    /// Stops the stages after the caller failed (a file-level error, a cancelled call) and waits for them, so no
    /// write is still running on the batch's connection when it is rolled back.
    /// </summary>
    public async Task AbandonAsync()
    {
        await _stop.CancelAsync();
        _toNormalise.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_normalising, _storing);
        }
        catch (Exception e) when (e is OperationCanceledException || _stop.IsCancellationRequested)
        {
            // The caller's own failure is the one to report.
        }
    }

    public void Dispose() => _stop.Dispose();

    private async Task Stage(ChannelWriter<(Batch, NormaliseOutcome)>? next, Func<Task> body)
    {
        try
        {
            await body();
            next?.TryComplete();
        }
        catch (Exception e)
        {
            // Wake the other stages (and a caller waiting to add a batch) instead of leaving them blocked.
            next?.TryComplete(e);
            _toNormalise.Writer.TryComplete(e);
            await _stop.CancelAsync();
            throw;
        }
    }

    private sealed class Batch
    {
        public List<LvsResult> Results { get; } = new(BatchSize);

        public List<string> Keys { get; } = new(BatchSize);
    }
}
