using System.Text;

namespace Uitstroom.Ingest.Parsing;

/// <summary>
/// Detects how a file's text is encoded. Exports come from Windows tools as often as from web systems: UTF-8 with
/// or without a byte-order mark, or ISO-8859-1 (Latin-1). Anything that is not valid UTF-8 is read as Latin-1,
/// where every byte is a character; UTF-16 and binary files are refused rather than read as garbage.
/// </summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Detect(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        var n = file.Read(head);
        if (n == 0)
        {
            throw new ImportFileException("the file is empty");
        }

        if (n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            throw new ImportFileException("the file is UTF-16 encoded; save it as UTF-8 (or ISO-8859-1) CSV");
        }

        if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        }

        file.Position = 0;
        return IsUtf8(file) ? new UTF8Encoding(false) : Encoding.Latin1;
    }

    private static bool IsUtf8(Stream stream)
    {
        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[StrictUtf8.GetMaxCharCount(bytes.Length)];
        int read;
        var sawText = false;
        while ((read = stream.Read(bytes)) > 0)
        {
            if (bytes.AsSpan(0, read).Contains((byte)0))
            {
                throw new ImportFileException("the file contains NUL bytes: it is not a text file (a spreadsheet or UTF-16 file?)");
            }

            try
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                return false;
            }

            sawText = true;
        }

        try
        {
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        return sawText;
    }
}
