using System.Buffers;
using System.Collections;

namespace Uitstroom.Normalise.Services;

/// <summary>
/// An output column in a pooled array, handed to <c>RepeatedField.AddRange</c>: it copies a non-generic
/// <see cref="ICollection"/> with one <see cref="Array.Copy(Array, int, Array, int, int)"/>, where an array segment
/// would be added element by element. So a reply's columns are written once into the pool and copied once into the
/// message, instead of being allocated per call as well.
/// </summary>
internal sealed class PooledColumn<T> : ICollection, IEnumerable<T>, IDisposable
    where T : unmanaged
{
    private T[]? _array;

    public PooledColumn(int count)
    {
        _array = ArrayPool<T>.Shared.Rent(count);
        Count = count;
    }

    public Span<T> Span => _array.AsSpan(0, Count);

    public int Count { get; }

    public bool IsSynchronized => false;

    public object SyncRoot => this;

    public void CopyTo(Array array, int index) => Array.Copy(_array!, 0, array, index, Count);

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _array![i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose()
    {
        if (_array is { } array)
        {
            _array = null;
            ArrayPool<T>.Shared.Return(array);
        }
    }
}
