using System.Globalization;
using Coop.Data.Tenancy;

namespace Coop.Web.Infrastructure;

/// <summary>Times are stored in UTC and shown, or typed, in the cooperative's time zone.</summary>
public sealed class TenantTime(TenantContext tenant)
{
    private (string Id, TimeZoneInfo Zone)? _found; // looked up once per request, not once per date shown

    private TimeZoneInfo Zone
    {
        get
        {
            if (tenant.Current is not { } t) return TimeZoneInfo.Utc;
            if (_found is { } found && found.Id == t.TimeZoneId) return found.Zone;
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(t.TimeZoneId, out var z) ? z : TimeZoneInfo.Utc;
            _found = (t.TimeZoneId, zone);
            return zone;
        }
    }

    public DateTimeOffset Local(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    /// <summary>A date and time as people read it ("21 novembre 2026 18:30"), in the current culture.</summary>
    public string Format(DateTimeOffset? utc) => utc is { } at ? Local(at).ToString("f", CultureInfo.CurrentCulture) : string.Empty;

    /// <summary>The value for an &lt;input type="datetime-local"&gt;.</summary>
    public string Input(DateTimeOffset? utc) => utc is { } at ? Local(at).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>A wall-clock time typed in the cooperative's zone, as UTC.</summary>
    public DateTimeOffset ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
