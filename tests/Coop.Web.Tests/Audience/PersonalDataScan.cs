using Coop.Data;
using Coop.Data.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Tests.Audience;

/// <summary>
/// Looks for a piece of personal data in every text column of every table one cooperative owns (and in the mails
/// the platform keeps for it), straight in the database: what an erasure must leave nowhere.
/// </summary>
public static class PersonalDataScan
{
    public static async Task<IReadOnlyList<string>> FindAsync(CoopDbContext db, Guid tenantId, string needle)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            var tenantColumn = entity.FindProperty("TenantId")?.GetColumnName();
            if (table is null || tenantColumn is null) continue;
            var scoped = entity.FindAnnotation(ModelScope.Annotation)?.Value as string == ModelScope.Tenant || table == "outbox_messages";
            if (!scoped) continue;
            var columns = entity.GetProperties().Where(p => p.ClrType == typeof(string)).Select(p => p.GetColumnName()).ToList();
            if (columns.Count == 0) continue;
            var where = string.Join(" OR ", columns.Select(c => $"lower(\"{c}\") LIKE {{1}}"));
            var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\" WHERE \"{tenantColumn}\" = {{0}} AND ({where})";
            var count = await db.Database.SqlQueryRaw<int>(sql, tenantId, "%" + needle.ToLowerInvariant() + "%").SingleAsync();
            if (count > 0) found.Add($"{table} ({count})");
        }
        return found;
    }
}
