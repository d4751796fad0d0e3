using System.Security.Claims;
using System.Text.Json;
using Coop.Data;
using Coop.Domain.Audit;

namespace Coop.Web.Features.Audit;

/// <summary>
/// Records admin, treasurer and operator actions in the current cooperative's audit log, in the caller's unit of
/// work: the entry exists exactly when the change does.
/// </summary>
public sealed class AuditLog(CoopDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public void Record(string action, Guid? subjectId, string summary, object? before = null, object? after = null, string? actorName = null)
    {
        var user = http.HttpContext?.User;
        var actorId = Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        var name = actorName ?? user?.FindFirstValue(ClaimTypes.Email) ?? user?.Identity?.Name ?? "system";
        db.AuditEntries.Add(new AuditEntry(actorId, name, action, subjectId, summary, Json(before), Json(after), clock.GetUtcNow()));
    }

    private static string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value);
}
