using Npgsql;

namespace Coop.Bench;

/// <summary>
/// Binary COPY of generated rows into any table: the caller gives the values it cares about; every other NOT NULL
/// column without a default gets a neutral value of its type, so seeding keeps working as the schema grows.
/// </summary>
public static class BulkCopy
{
    public static async Task<long> CopyAsync(NpgsqlConnection connection, string table, int count, Func<int, IReadOnlyDictionary<string, object>> row)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(row);
        var required = new List<(string Name, string Type)>();
        await using (var command = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = @t AND table_schema = 'public' AND (is_nullable = 'NO' AND column_default IS NULL) ORDER BY ordinal_position", connection))
        {
            command.Parameters.AddWithValue("t", table);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) required.Add((reader.GetString(0), reader.GetString(1)));
        }
        var sample = row(0);
        var columns = required.Select(c => c.Name).Union(sample.Keys).ToList();
        var types = required.ToDictionary(c => c.Name, c => c.Type);
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < count; i++)
        {
            var values = i == 0 ? sample : row(i);
            await writer.StartRowAsync();
            foreach (var column in columns)
                await writer.WriteAsync(values.TryGetValue(column, out var value) ? value : Neutral(types[column]));
        }
        return (long)await writer.CompleteAsync();
    }

    private static object Neutral(string type) => type switch
    {
        "uuid" => Guid.Empty,
        "boolean" => false,
        "integer" => 0,
        "bigint" => 0L,
        "timestamp with time zone" => DateTime.UtcNow,
        _ => "-",
    };
}
