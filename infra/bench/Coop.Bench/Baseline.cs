using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Coop.Bench;

/// <summary>
/// The yardstick: a minimal Kestrel app with raw Npgsql that renders a cooperative's 20 latest posts as HTML. It
/// connects as the same restricted role with row-level security on, and sets the tenant and reads the posts in one
/// round trip (a batch). No MVC, no EF Core, no localisation, no Markdown (bodies are escaped text).
/// </summary>
public static class Baseline
{
    public static async Task RunAsync(string connection, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        await using var source = NpgsqlDataSource.Create(connection);
        var tenants = new Dictionary<string, Guid>();
        await using (var command = source.CreateCommand("SELECT slug, id FROM tenants"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tenants[reader.GetString(0)] = reader.GetGuid(1);

        app.MapGet("/c/{slug}/feed", async (HttpContext http, string slug) =>
        {
            if (!tenants.TryGetValue(slug, out var tenant)) return Results.NotFound();
            await using var batch = source.CreateBatch();
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('coop.tenant_id', $1, false)") { Parameters = { new() { Value = tenant.ToString() } } });
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                // The names as scalar subqueries, so PostgreSQL walks the newest posts in index order and stops at 20
                // (with joins it may start from the members and sort all of the cooperative's posts).
                "SELECT p.id, p.title, p.body, p.created_at, " +
                "(SELECT m.display_name FROM members m WHERE m.tenant_id = p.tenant_id AND m.id = p.author_id), " +
                "(SELECT s.name FROM spaces s WHERE s.tenant_id = p.tenant_id AND s.id = p.space_id) " +
                "FROM posts p WHERE p.tenant_id = $1 AND p.deleted_at IS NULL AND p.hidden_at IS NULL " +
                "ORDER BY p.feed_key DESC LIMIT 20") { Parameters = { new() { Value = tenant } } });
            var html = new StringBuilder(16_384).Append("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Fil</title></head><body><main><h1>Fil</h1>");
            await using (var reader = await batch.ExecuteReaderAsync())
            {
                await reader.NextResultAsync();
                while (await reader.ReadAsync())
                {
                    html.Append("<article><h2><a href=\"/c/").Append(slug).Append("/posts/").Append(reader.GetGuid(0)).Append("\">")
                        .Append(HtmlEncoder.Default.Encode(reader.IsDBNull(1) ? "Message" : reader.GetString(1))).Append("</a></h2><p>")
                        .Append(HtmlEncoder.Default.Encode(reader.GetString(4))).Append(" · ").Append(HtmlEncoder.Default.Encode(reader.GetString(5))).Append(" · ")
                        .Append(reader.GetDateTime(3).ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("fr-FR"))).Append("</p><p>")
                        .Append(HtmlEncoder.Default.Encode(reader.GetString(2))).Append("</p></article>");
                }
            }
            return Results.Content(html.Append("</main></body></html>").ToString(), "text/html; charset=utf-8");
        });
        await app.RunAsync();
    }
}
