namespace Containment.Core.Baseline;

/// <summary>
/// Splits a stream into lines without ever holding more than one buffer: a line longer than
/// <see cref="MaxLineBytes"/> (a 10 MB line of garbage, a missing newline in binary data) is reported as
/// oversized and its bytes are discarded as they stream past, never accumulated. Lines end at '\n'; a final
/// line without one still counts.
/// </summary>
public sealed class BoundedLineReader
{
    /// <summary>Longest line kept (64 KiB): a real DCF line is under 2 KiB.</summary>
    public const int DefaultMaxLineBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public BoundedLineReader(Stream stream, int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        _stream = stream;
        MaxLineBytes = maxLineBytes;
        _buffer = new byte[Math.Max(maxLineBytes + 1, 4096) * 2];
    }

    public int MaxLineBytes { get; }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// The next line (without '\n'), valid until the next call. Returns false at the end of the stream.
    /// <paramref name="oversized"/> is true when the line was longer than the limit; <paramref name="line"/> is then empty.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool oversized)
    {
        oversized = false;
        var scanned = 0;
        while (true)
        {
            var newline = _buffer
                .AsSpan(_start + scanned, _end - _start - scanned)
                .IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = _start + scanned + newline;
                oversized = lineEnd - _start > MaxLineBytes;
                line = oversized ? default : _buffer.AsSpan(_start, lineEnd - _start);
                _start = lineEnd + 1;
                LineNumber++;
                return true;
            }
            scanned = _end - _start;
            if (scanned > MaxLineBytes)
            {
                SkipRestOfLine();
                LineNumber++;
                oversized = true;
                line = default;
                return true;
            }
            if (_eof)
            {
                if (scanned == 0)
                {
                    line = default;
                    return false;
                }
                line = _buffer.AsSpan(_start, scanned);
                _start = _end;
                LineNumber++;
                return true;
            }
            // Fill moves the unread bytes to the front, so what was scanned stays scanned.
            Fill();
        }
    }

    /// <summary>Moves the unread bytes to the front and reads more after them.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }
        _end += read;
    }

    /// <summary>Discards bytes up to and including the next '\n' (or the end of the stream).</summary>
    private void SkipRestOfLine()
    {
        _start = _end = 0;
        while (!_eof)
        {
            Fill();
            var newline = _buffer.AsSpan(0, _end).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start = newline + 1;
                return;
            }
            _start = _end = 0;
        }
    }
}
