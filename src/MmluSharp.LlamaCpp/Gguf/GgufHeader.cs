using System.Globalization;
using System.Text;

namespace MmluSharp.LlamaCpp.Gguf;

/// <summary>
/// The header of a GGUF file read without native code: version, every metadata key/value and every tensor
/// description, checked against the file's length so a truncated or foreign file fails before llama.cpp sees it.
/// </summary>
internal sealed class GgufHeader
{
    /// <summary>Arrays longer than this keep only their length.</summary>
    internal const int MaxKeptArrayItems = 64;

    private const uint Magic = 0x46554747; // "GGUF" little-endian
    private const long DefaultAlignment = 32;
    private const long MaxCount = 1 << 24;

    private GgufHeader(
        string path, int version, IReadOnlyDictionary<string, object> metadata, IReadOnlyList<GgufTensorInfo> tensors, long dataOffset, long fileLength)
    {
        Path = path;
        Version = version;
        Metadata = metadata;
        Tensors = tensors;
        DataOffset = dataOffset;
        FileLength = fileLength;
    }

    public string Path { get; }

    public int Version { get; }

    /// <summary>Values are <see cref="long"/>, <see cref="ulong"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="string"/> or <see cref="GgufArray"/>.</summary>
    public IReadOnlyDictionary<string, object> Metadata { get; }

    public IReadOnlyList<GgufTensorInfo> Tensors { get; }

    /// <summary>Where the tensor data starts.</summary>
    public long DataOffset { get; }

    public long FileLength { get; }

    /// <summary>Reads and checks the header; any problem is a <see cref="ModelLoadException"/> naming <paramref name="path"/>.</summary>
    public static GgufHeader Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw ModelLoadException.For(path, "is a directory, not a GGUF file");
        }

        if (!File.Exists(path))
        {
            throw ModelLoadException.For(path, "file not found");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return Parse(path, stream, stream.Length);
        }
        catch (GgufFormatException e)
        {
            throw new ModelLoadException($"{path}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OverflowException)
        {
            throw new ModelLoadException($"{path}: cannot read ({e.Message})", e);
        }
    }

    /// <summary>
    /// Reads the header of a <paramref name="fileLength"/>-byte file from <paramref name="stream"/>, which may hold only
    /// its beginning (e.g. fetched with a range request): a stream that ends before the header does fails as truncated.
    /// </summary>
    public static GgufHeader Read(string name, Stream stream, long fileLength)
    {
        try
        {
            return Parse(name, stream, fileLength);
        }
        catch (Exception e) when (e is GgufFormatException or OverflowException)
        {
            throw new ModelLoadException($"{name}: {e.Message}", e);
        }
    }

    /// <summary>The value of an integer key, whatever its stored width, or <c>null</c>.</summary>
    public long? GetInteger(string key) => Metadata.GetValueOrDefault(key) switch
    {
        long l => l,
        ulong u when u <= long.MaxValue => (long)u,
        _ => null,
    };

    /// <summary><c>split.count</c>: the number of files of a split model (1 for a single file).</summary>
    public int SplitCount => (int)Math.Max(1, GetInteger("split.count") ?? 1);

    /// <summary><c>split.no</c>: this file's 0-based place in a split model.</summary>
    public int SplitIndex => (int)(GetInteger("split.no") ?? 0);

    public string? GetString(string key) => Metadata.GetValueOrDefault(key) as string;

    public GgufArray? GetArray(string key) => Metadata.GetValueOrDefault(key) as GgufArray;

    private static GgufHeader Parse(string path, Stream stream, long length)
    {
        var reader = new GgufReader(stream, length);
        if (length < 4)
        {
            throw new GgufFormatException(string.Create(CultureInfo.InvariantCulture, $"not a GGUF file ({length} bytes)"));
        }

        var magicBytes = new byte[4];
        stream.ReadExactly(magicBytes);
        if (BitConverter.ToUInt32(magicBytes) != Magic)
        {
            throw new GgufFormatException($"not a GGUF file (magic '{Escape(magicBytes)}')");
        }

        var version = reader.ReadUInt32();
        if (version is not (2 or 3))
        {
            throw new GgufFormatException(string.Create(CultureInfo.InvariantCulture, $"unsupported GGUF version {version} (expected 2 or 3)"));
        }

        var tensorCount = reader.ReadLength("tensor count", 8);
        var kvCount = reader.ReadLength("metadata count", 12);
        if (tensorCount > MaxCount || kvCount > MaxCount)
        {
            throw new GgufFormatException(string.Create(CultureInfo.InvariantCulture, $"corrupt header ({tensorCount} tensors, {kvCount} metadata entries)"));
        }

        var metadata = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < kvCount; i++)
        {
            var key = reader.ReadString();
            var type = reader.ReadUInt32();
            metadata[key] = ReadValue(reader, key, type);
        }

        var tensors = new List<GgufTensorInfo>((int)tensorCount);
        for (var i = 0; i < tensorCount; i++)
        {
            tensors.Add(ReadTensor(reader));
        }

        var alignment = metadata.GetValueOrDefault("general.alignment") switch
        {
            long l when l > 0 => l,
            ulong u when u is > 0 and < int.MaxValue => (long)u,
            _ => DefaultAlignment,
        };
        var dataOffset = (reader.Position + alignment - 1) / alignment * alignment;
        var header = new GgufHeader(path, (int)version, metadata, tensors, dataOffset, length);
        header.CheckData();
        return header;
    }

    private void CheckData()
    {
        // A part of a split set may hold no tensors (gguf-split --no-tensor-first-split); the set is checked as a whole.
        if (Tensors.Count == 0 && SplitCount <= 1)
        {
            throw new GgufFormatException("vocabulary-only GGUF, no weights");
        }

        var end = DataOffset;
        foreach (var tensor in Tensors)
        {
            end = Math.Max(end, checked(DataOffset + tensor.Offset + (tensor.ByteSize ?? 0)));
        }

        if (end > FileLength)
        {
            throw new GgufFormatException(string.Create(CultureInfo.InvariantCulture, $"truncated (header declares {end} bytes, file has {FileLength})"));
        }
    }

    private static GgufTensorInfo ReadTensor(GgufReader reader)
    {
        var name = reader.ReadString();
        var dimCount = reader.ReadUInt32();
        if (dimCount is 0 or > 4)
        {
            throw new GgufFormatException(string.Create(CultureInfo.InvariantCulture, $"corrupt tensor '{name}' ({dimCount} dimensions)"));
        }

        var dims = new long[dimCount];
        for (var d = 0; d < dimCount; d++)
        {
            var value = reader.ReadUInt64();
            if (value > int.MaxValue * 64L)
            {
                throw new GgufFormatException(string.Create(CultureInfo.InvariantCulture, $"corrupt tensor '{name}' (dimension {value})"));
            }

            dims[d] = (long)value;
        }

        var type = reader.ReadUInt32();
        var offset = reader.ReadUInt64();
        if (offset > long.MaxValue / 4)
        {
            throw new GgufFormatException(string.Create(CultureInfo.InvariantCulture, $"corrupt tensor '{name}' (offset {offset})"));
        }

        return new GgufTensorInfo(name, dims, type, (long)offset);
    }

    private static object ReadValue(GgufReader reader, string key, uint type) => (GgufValueType)type switch
    {
        GgufValueType.UInt8 => (long)reader.ReadByte(),
        GgufValueType.Int8 => (long)(sbyte)reader.ReadByte(),
        GgufValueType.UInt16 => (long)reader.ReadUInt16(),
        GgufValueType.Int16 => (long)(short)reader.ReadUInt16(),
        GgufValueType.UInt32 => (long)reader.ReadUInt32(),
        GgufValueType.Int32 => (long)(int)reader.ReadUInt32(),
        GgufValueType.UInt64 => reader.ReadUInt64(),
        GgufValueType.Int64 => (long)reader.ReadUInt64(),
        GgufValueType.Float32 => (double)reader.ReadSingle(),
        GgufValueType.Float64 => reader.ReadDouble(),
        GgufValueType.Bool => reader.ReadByte() != 0,
        GgufValueType.String => reader.ReadString(),
        GgufValueType.Array => ReadArray(reader, key),
        _ => throw UnknownType(key, type),
    };

    private static GgufArray ReadArray(GgufReader reader, string key)
    {
        var elementType = reader.ReadUInt32();
        var size = ElementSize((GgufValueType)elementType);
        if (elementType == (uint)GgufValueType.Array)
        {
            // llama.cpp refuses nested arrays too; reading them recursively would let a crafted file overflow the stack.
            throw new GgufFormatException($"corrupt metadata (key '{key}' is an array of arrays)");
        }

        if (size is null && elementType != (uint)GgufValueType.String)
        {
            throw UnknownType(key, elementType);
        }

        var length = reader.ReadLength($"array '{key}' length", size ?? 8);
        if (length > MaxKeptArrayItems)
        {
            if (size is { } fixedSize)
            {
                reader.Skip(length * fixedSize);
            }
            else
            {
                for (var i = 0; i < length; i++)
                {
                    reader.SkipString();
                }
            }

            return new GgufArray((GgufValueType)elementType, length, null);
        }

        var items = new object[length];
        for (var i = 0; i < length; i++)
        {
            items[i] = ReadValue(reader, key, elementType);
        }

        return new GgufArray((GgufValueType)elementType, length, length > MaxKeptArrayItems ? null : items);
    }

    // Fixed element sizes; strings have none (nested arrays are refused).
    private static int? ElementSize(GgufValueType type) => type switch
    {
        GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.Bool => 1,
        GgufValueType.UInt16 or GgufValueType.Int16 => 2,
        GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.Float32 => 4,
        GgufValueType.UInt64 or GgufValueType.Int64 or GgufValueType.Float64 => 8,
        _ => null,
    };

    private static GgufFormatException UnknownType(string key, uint type) =>
        new(string.Create(CultureInfo.InvariantCulture, $"corrupt metadata (key '{key}' has unknown value type {type})"));

    private static string Escape(byte[] bytes)
    {
        var sb = new StringBuilder();
        foreach (var b in bytes)
        {
            sb.Append(b is >= 0x20 and < 0x7f and not (byte)'\'' and not (byte)'\\'
                ? ((char)b).ToString()
                : string.Create(CultureInfo.InvariantCulture, $"\\x{b:X2}"));
        }

        return sb.ToString();
    }
}
