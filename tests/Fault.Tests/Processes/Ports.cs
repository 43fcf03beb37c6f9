namespace Uitstroom.Fault.Tests.Processes;

/// <summary>
/// The manifests' ports plus an offset of 22000: away from ./run.sh (5110…), the topology harness (+20000, +21000),
/// the tests' PostgreSQL (55432), and below Linux's ephemeral range (32768+). The test classes run one at a time.
/// </summary>
public static class Ports
{
    private const int Offset = 22000;

    public static (int Http, int Grpc) Ingest => (5110 + Offset, 5111 + Offset);

    public static (int Http, int Grpc) Normalise => (5120 + Offset, 5121 + Offset);

    public static (int Http, int Grpc) Predict => (5130 + Offset, 5131 + Offset);

    public static (int Http, int Grpc) Reporting => (5140 + Offset, 5141 + Offset);

    public static int Redis => 6379 + Offset;
}
