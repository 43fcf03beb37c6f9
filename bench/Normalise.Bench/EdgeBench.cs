using System.Diagnostics;
using Google.Protobuf;
using Uitstroom.Normalise.Services;
using V1 = Uitstroom.Contracts.Normalise.V1;

namespace Uitstroom.Normalise.Bench;

/// <summary>
/// The gRPC edge without the transport: parse the request bytes, normalise, serialise the reply. Splits the cost
/// of a NormaliseBatch call between protobuf and HTTP/2.
/// </summary>
internal static class EdgeBench
{
    /// <summary>Bytes allocated per batch by each step: parse request, normalise, serialise reply, parse reply.</summary>
    public static (long Parse, long Normalise, long Serialise, long ParseReply) Allocations(BatchNormaliser normaliser, V1.NormaliseBatchRequest request)
    {
        var bytes = request.ToByteArray();
        // Once to warm up (pools, JIT), once to measure.
        (long, long, long, long) result = default;
        for (var round = 0; round < 2; round++)
        {
            var start = GC.GetAllocatedBytesForCurrentThread();
            var parsed = V1.NormaliseBatchRequest.Parser.ParseFrom(bytes);
            var afterParse = GC.GetAllocatedBytesForCurrentThread();
            var reply = normaliser.Normalise(parsed);
            var afterNormalise = GC.GetAllocatedBytesForCurrentThread();
            var replyBytes = reply.ToByteArray();
            var afterSerialise = GC.GetAllocatedBytesForCurrentThread();
            _ = V1.NormaliseBatchResponse.Parser.ParseFrom(replyBytes);
            var end = GC.GetAllocatedBytesForCurrentThread();
            result = (afterParse - start, afterNormalise - afterParse, afterSerialise - afterNormalise, end - afterSerialise);
        }

        return result;
    }

    /// <summary>Seconds per batch for each step: parse request, normalise, serialise reply, parse reply.</summary>
    public static (double Parse, double Normalise, double Serialise, double ParseReply) Steps(BatchNormaliser normaliser, V1.NormaliseBatchRequest request, int rounds)
    {
        var bytes = request.ToByteArray();
        var (parse, normalise, serialise, parseReply) = (double.MaxValue, double.MaxValue, double.MaxValue, double.MaxValue);
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            var parsed = V1.NormaliseBatchRequest.Parser.ParseFrom(bytes);
            parse = Math.Min(parse, clock.Elapsed.TotalSeconds);
            clock.Restart();
            var reply = normaliser.Normalise(parsed);
            normalise = Math.Min(normalise, clock.Elapsed.TotalSeconds);
            clock.Restart();
            var replyBytes = reply.ToByteArray();
            serialise = Math.Min(serialise, clock.Elapsed.TotalSeconds);
            clock.Restart();
            _ = V1.NormaliseBatchResponse.Parser.ParseFrom(replyBytes);
            parseReply = Math.Min(parseReply, clock.Elapsed.TotalSeconds);
        }

        return (parse, normalise, serialise, parseReply);
    }

    public static double Run(BatchNormaliser normaliser, V1.NormaliseBatchRequest request, TimeSpan duration)
    {
        var bytes = request.ToByteArray();
        var n = request.ProviderIndex.Count;
        var results = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var parsed = V1.NormaliseBatchRequest.Parser.ParseFrom(bytes);
            var reply = normaliser.Normalise(parsed);
            var replyBytes = reply.ToByteArray();
            _ = V1.NormaliseBatchResponse.Parser.ParseFrom(replyBytes);
            results += n;
        }

        return results / clock.Elapsed.TotalSeconds;
    }
}
