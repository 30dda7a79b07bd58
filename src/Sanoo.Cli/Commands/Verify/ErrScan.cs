using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Reads an ERR report, JSON or XML, as it streams in, and hands each object to <c>done</c> once it is read whole (its fields and
/// the objects it holds), innermost first: a count before its selection, a selection before its contest. Nothing is held but the
/// objects open at the moment (one <see cref="ErrRecord"/> per depth) and a read buffer, so a report of gigabytes is read in the
/// memory of a few kilobytes.
/// </summary>
internal static class ErrScan
{
    private const string Prefix = "ElectionResults.";

    private static readonly (byte[] Utf8, string Name)[] JsonFields =
        [.. new[] { "@type", "@id" }.Concat(ErrRecord.Fields).Select(n => (Encoding.UTF8.GetBytes(n), n))];

    /// <summary>Reads the JSON form from <paramref name="stream"/>.</summary>
    public static async Task JsonAsync(Stream stream, Action<ErrRecord> done, CancellationToken cancellationToken)
    {
        var json = new JsonScan(done);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var (filled, final, state) = (0, false, new JsonReaderState());
            while (!final)
            {
                if (filled == buffer.Length)
                {
                    buffer = LentBytes.Doubled(buffer, filled);
                }
                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                final = read == 0;
                filled += read;
                var consumed = json.Read(buffer.AsSpan(0, filled), final, ref state);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
            if (json.Depth != 0 || !json.Started)
            {
                throw new JsonException("the report ends before its last object closes");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the XML form from <paramref name="stream"/>.</summary>
    public static async Task XmlAsync(Stream stream, Action<ErrRecord> done, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings
        {
            Async = true, IgnoreWhitespace = true, IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null,
        };
        using var reader = XmlReader.Create(stream, settings);
        var open = new List<ErrRecord>();
        var depth = 0;
        void End()
        {
            var record = open[--depth];
            if (!record.HasElements && record.Id is null && record.Type == record.Name && record.Parent is { } parent)
            {
                parent.Set(record.Name, record.Text ?? ""); // a scalar field
            }
            else
            {
                done(record);
            }
        }
        while (await reader.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (depth == open.Count)
                    {
                        open.Add(new ErrRecord());
                    }
                    var parent = depth > 0 ? open[depth - 1] : null;
                    parent?.HasElements = true;
                    var record = open[depth++];
                    record.Start(parent);
                    record.Name = reader.LocalName;
                    var type = reader.GetAttribute("type", "http://www.w3.org/2001/XMLSchema-instance");
                    record.Type = type is null ? reader.LocalName : type[(type.IndexOf(':', StringComparison.Ordinal) + 1)..];
                    record.Id = reader.GetAttribute("ObjectId");
                    if (reader.IsEmptyElement)
                    {
                        End();
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA when depth > 0:
                    var current = open[depth - 1];
                    current.Text = ErrRecord.Reads(current.Name) ? reader.Value : "";
                    break;
                case XmlNodeType.EndElement:
                    End();
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The JSON reader's state between buffers.</summary>
    private sealed class JsonScan(Action<ErrRecord> done)
    {
        private readonly List<ErrRecord> _open = [];
        private string? _field;

        public int Depth { get; private set; }

        public bool Started { get; private set; }

        /// <summary>Reads what <paramref name="buffer"/> holds whole; returns how many bytes it consumed.</summary>
        public int Read(ReadOnlySpan<byte> buffer, bool final, ref JsonReaderState state)
        {
            var reader = new Utf8JsonReader(buffer, final, state);
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        if (Depth == _open.Count)
                        {
                            _open.Add(new ErrRecord());
                        }
                        _open[Depth].Start(Depth > 0 ? _open[Depth - 1] : null);
                        Depth++;
                        Started = true;
                        _field = null;
                        break;
                    case JsonTokenType.EndObject:
                        done(_open[--Depth]);
                        _field = null;
                        break;
                    case JsonTokenType.PropertyName:
                        _field = null;
                        foreach (var (utf8, name) in JsonFields)
                        {
                            if (reader.ValueTextEquals(utf8))
                            {
                                _field = name;
                                break;
                            }
                        }
                        break;
                    case JsonTokenType.String when _field is not null && Depth > 0:
                        var record = _open[Depth - 1];
                        var text = reader.GetString()!;
                        switch (_field)
                        {
                            case "@type":
                                record.Type = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..] : text;
                                break;
                            case "@id":
                                record.Id = text;
                                break;
                            default:
                                record.Set(_field, text);
                                break;
                        }
                        _field = null;
                        break;
                    case JsonTokenType.Number when _field is not null && Depth > 0:
                        if (reader.TryGetInt64(out var number))
                        {
                            _open[Depth - 1].Set(_field, number);
                        }
                        else
                        {
                            _open[Depth - 1].Set(_field, -1);
                        }
                        _field = null;
                        break;
                    default:
                        _field = null;
                        break;
                }
            }
            state = reader.CurrentState;
            return (int)reader.BytesConsumed;
        }
    }
}
