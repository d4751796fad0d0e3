using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Coop.Data.Membership;

/// <summary>
/// Listens to PostgreSQL's notifications of changes to <c>members</c> (sent by the <c>members_changed</c> trigger on
/// commit, whoever writes: this node, another node, a script) and evicts them from <see cref="MemberCache"/>. The
/// cache is live only while this connection listens: when it drops, the cache forgets everything and every request
/// reads the database until listening resumes. The connection reads no rows; it only listens.
/// </summary>
public sealed partial class MemberChangeListener(DatabaseOptions database, MemberCache cache, TimeProvider clock, ILogger<MemberChangeListener> log)
    : BackgroundService
{
    public const string Channel = "coop_member_changed";
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            // Whatever broke the link (network, server restart, failover), keep the app up and read the database meanwhile.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Membership change notifications interrupted; roles are read from the database until they resume");
            }
            finally
            {
                cache.GoDark();
            }
            try
            {
                await Task.Delay(Retry, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        // Its own connection, outside the pool; keepalives detect a dead link, which would otherwise wait forever.
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 15 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Notification += (_, e) => Evict(e.Payload);
        await connection.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            await listen.ExecuteNonQueryAsync(ct);
        cache.GoLive();
        while (true) await connection.WaitAsync(ct);
    }

    // The payload is "tenant_id:user_id".
    private void Evict(string payload)
    {
        var parts = payload.Split(':');
        if (parts.Length == 2 && Guid.TryParse(parts[0], out var tenant) && Guid.TryParse(parts[1], out var user)) cache.Evict(tenant, user);
    }
}
