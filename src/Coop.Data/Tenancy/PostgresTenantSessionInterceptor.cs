using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coop.Data.Tenancy;

/// <summary>
/// Defence in depth for PostgreSQL: row-level security policies compare each row with the session setting
/// <c>coop.tenant_id</c>. It is set on every connection the context opens, to the context's tenant or to an empty
/// string (no rows), so a pooled connection never carries a previous request's tenant. <c>coop.user_id</c> is set the
/// same way, and is non-empty only for <see cref="UserMemberships"/>, whose policy shows a person their own
/// membership rows and nothing else.
/// </summary>
public sealed class PostgresTenantSessionInterceptor : DbConnectionInterceptor
{
    public const string SettingName = "coop.tenant_id";
    public const string UserSettingName = "coop.user_id";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection, eventData);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection, eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand CreateCommand(DbConnection connection, ConnectionEndEventData eventData)
    {
        var context = eventData.Context as CoopDbContext;
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_config('{SettingName}', @tenant, false), set_config('{UserSettingName}', @user, false)";
        Add(command, "tenant", context?.TenantId);
        Add(command, "user", context?.MembershipReaderUserId);
        return command;
    }

    private static void Add(DbCommand command, string name, Guid? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value?.ToString() ?? string.Empty;
        command.Parameters.Add(parameter);
    }
}
