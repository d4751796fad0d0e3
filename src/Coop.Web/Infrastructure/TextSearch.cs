using System.Globalization;

namespace Coop.Web.Infrastructure;

/// <summary>Search as people type it: case- and accent-insensitive ("quebec" finds "Québec").</summary>
public static class TextSearch
{
    public static bool Matches(string term, params string?[] values) =>
        values.Any(v => v is not null && CultureInfo.InvariantCulture.CompareInfo.IndexOf(v, term, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0);
}
