using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coop.Data.Tenancy;

/// <summary>
/// Defence in depth for PostgreSQL: row-level security policies compare each row with the session setting
/// <c>coop.tenant_id</c>. It is set on every connection the context opens, to the context's tenant or to an empty
/// string (no rows), so a pooled connection never carries a previous request's tenant. <c>coop.user_id</c> is set the
/// same way, and is non-empty only for <see cref="UserMemberships"/>, whose policy shows a person their own
/// membership rows and nothing else.
/// <para>
/// To save a round trip, the setting travels with the first query after the connection opens: the statement is put
/// in front of the query's text (one batch), and the reader skips its one-row result before EF reads. Commands that
/// are not queries (or anything else first) get the setting as its own command, as before.
/// </para>
/// </summary>
public sealed class PostgresTenantSessionInterceptor : DbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    public const string SettingName = "coop.tenant_id";
    public const string UserSettingName = "coop.user_id";
    private const string Statement = $"SELECT set_config('{SettingName}', @coop_tenant, false), set_config('{UserSettingName}', @coop_user, false);\n";

    /// <summary>Connections opened and not yet given their setting (weak: a connection that goes away takes its entry with it).</summary>
    private readonly ConditionalWeakTable<DbConnection, object> _pending = [];
    /// <summary>Commands whose reader must skip the setting's result first.</summary>
    private readonly ConditionalWeakTable<DbCommand, object> _prefixed = [];
    private static readonly object Marker = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => _pending.AddOrUpdate(connection, Marker);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.AddOrUpdate(connection, Marker);
        return Task.CompletedTask;
    }

    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => _pending.Remove(connection);

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        _pending.Remove(connection);
        return Task.CompletedTask;
    }

    // A rollback also undoes a setting made inside the transaction: the next command sets it again.
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Again(eventData);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Again(eventData);
        return Task.CompletedTask;
    }

    public void RolledBackToSavepoint(DbTransaction transaction, TransactionEventData eventData) => Again(eventData);

    public Task RolledBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        Again(eventData);
        return Task.CompletedTask;
    }

    private void Again(TransactionEventData eventData)
    {
        if (eventData.Context is { } context && context.Database.GetDbConnection() is { State: System.Data.ConnectionState.Open } connection)
            _pending.AddOrUpdate(connection, Marker);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Prefix(command, eventData);
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        Prefix(command, eventData);
        return ValueTask.FromResult(result);
    }

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_prefixed.Remove(command)) result.NextResult();
        return result;
    }

    public async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_prefixed.Remove(command)) await result.NextResultAsync(cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        SetApart(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await SetApartAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        SetApart(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        await SetApartAsync(command, eventData, cancellationToken);
        return result;
    }

    private void Prefix(DbCommand command, CommandEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Connection is not { } connection || !_pending.Remove(connection)) return;
        command.CommandText = Statement + command.CommandText;
        AddSettings(command, eventData);
        _prefixed.AddOrUpdate(command, Marker);
    }

    private void SetApart(DbCommand command, CommandEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Connection is not { } connection || !_pending.Remove(connection)) return;
        using var setting = Setting(connection, command, eventData);
        setting.ExecuteNonQuery();
    }

    private async Task SetApartAsync(DbCommand command, CommandEventData eventData, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Connection is not { } connection || !_pending.Remove(connection)) return;
        await using var setting = Setting(connection, command, eventData);
        await setting.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Setting(DbConnection connection, DbCommand command, CommandEventData eventData)
    {
        var setting = connection.CreateCommand();
        setting.Transaction = command.Transaction;
        setting.CommandText = Statement;
        AddSettings(setting, eventData);
        return setting;
    }

    private static void AddSettings(DbCommand command, CommandEventData eventData)
    {
        var context = eventData.Context as CoopDbContext;
        Add(command, "coop_tenant", context?.TenantId);
        Add(command, "coop_user", context?.MembershipReaderUserId);
    }

    private static void Add(DbCommand command, string name, Guid? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value?.ToString() ?? string.Empty;
        command.Parameters.Add(parameter);
    }
}
