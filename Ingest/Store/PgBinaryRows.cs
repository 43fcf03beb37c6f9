using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace Uitstroom.Ingest.Store;

/// <summary>
/// Rows for PostgreSQL's binary COPY, encoded here into one buffer and sent through Npgsql's raw COPY stream.
/// Npgsql's typed importer resolves a type handler and checks the row's state for every field; for the million-row
/// LVS import that was ~0.8 CPU s of Ingest's ~3 per million rows, encoded here in ~0.2 (docs/ingest-performance.md).
/// The format (PostgreSQL docs, "COPY", binary format): a signature and two 32-bit zeros, then per row a 16-bit field
/// count and per field its 32-bit length (−1 for NULL) and big-endian bytes, then a 16-bit −1. The caller writes each
/// row's fields in the order and types of the COPY's columns; the server rejects a mismatch.
/// </summary>
public sealed class PgBinaryRows : IAsyncDisposable
{
    // "PGCOPY\n\377\r\n\0": the 0xFF is one byte, which a UTF-8 string literal cannot hold.
    private static readonly byte[] Signature =
        [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    private readonly NpgsqlRawCopyStream _copy;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;
    private bool _completed;

    private PgBinaryRows(NpgsqlRawCopyStream copy)
    {
        _copy = copy;
        Signature.CopyTo(_buffer, 0);
        _used = Signature.Length;
        Int32(0);
        Int32(0);
    }

    public static async Task<PgBinaryRows> BeginAsync(NpgsqlConnection connection, string copyFromStdinBinary, CancellationToken cancellationToken) =>
        new(await connection.BeginRawBinaryCopyAsync(copyFromStdinBinary, cancellationToken));

    public void StartRow(short fields)
    {
        Room(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), fields);
        _used += 2;
    }

    public void Write(int value)
    {
        Room(8);
        Int32(4);
        Int32(value);
    }

    public void Write(long value)
    {
        Room(12);
        Int32(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_used), value);
        _used += 8;
    }

    /// <summary>A float8 is the IEEE 754 bits, big-endian: the same bytes as the bigint of those bits.</summary>
    public void Write(double value) => Write(BitConverter.DoubleToInt64Bits(value));

    public void Write(int? value)
    {
        if (value is { } v)
        {
            Write(v);
        }
        else
        {
            WriteNull();
        }
    }

    public void Write(double? value)
    {
        if (value is { } v)
        {
            Write(v);
        }
        else
        {
            WriteNull();
        }
    }

    public void Write(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        var most = Encoding.UTF8.GetMaxByteCount(value.Length) + 4;
        if (most > _buffer.Length)
        {
            // Longer than the buffer can ever hold: its length is buffered, its bytes sent straight after.
            var bytes = Encoding.UTF8.GetBytes(value);
            Room(4);
            Int32(bytes.Length);
            Flush();
            _copy.Write(bytes);
            return;
        }

        Room(most);
        var length = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used + 4));
        Int32(length);
        _used += length;
    }

    public void WriteNull()
    {
        Room(4);
        Int32(-1);
    }

    /// <summary>Ends the rows and the COPY: the server has them all when this returns.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        Room(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), -1);
        _used += 2;
        await _copy.WriteAsync(_buffer.AsMemory(0, _used), cancellationToken);
        _used = 0;
        _completed = true;
        await _copy.DisposeAsync();
    }

    /// <summary>Unless completed, cancels the COPY: nothing of it is kept (the transaction then rolls back).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            _completed = true;
            await _copy.CancelAsync();
            await _copy.DisposeAsync();
        }
    }

    private void Int32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), value);
        _used += 4;
    }

    /// <summary>Sends what is buffered when <paramref name="bytes"/> more would not fit.</summary>
    private void Room(int bytes)
    {
        if (_used + bytes > _buffer.Length)
        {
            Flush();
        }
    }

    private void Flush()
    {
        _copy.Write(_buffer, 0, _used);
        _used = 0;
    }
}
