using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Infrastructure;

/// <summary>
/// The interface strings, read once per culture into a frozen dictionary. A page looks up a hundred strings or more;
/// the stock localizer asks <see cref="ResourceManager"/> each time, which takes a lock per lookup and made
/// concurrent requests queue (measured by the page benchmark). Same resources, same fallback (the culture, then
/// its parents, then French, the neutral language), same formatting. Each culture's table already holds its parents'
/// strings, so a lookup is one read of one dictionary and allocates nothing but its result.
/// </summary>
public sealed class SharedStringLocalizer : IStringLocalizer<SharedResource>
{
    private static readonly ResourceManager Resources = new("Coop.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
    private static readonly ConcurrentDictionary<string, FrozenDictionary<string, string>> Own = new();
    private static readonly ConcurrentDictionary<string, FrozenDictionary<string, string>> WithParents = new();

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var found = Lookup(CultureInfo.CurrentUICulture).TryGetValue(name, out var value);
            return new LocalizedString(name, found ? value! : name, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var found = Lookup(CultureInfo.CurrentUICulture).TryGetValue(name, out var value);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, found ? value! : name, arguments), resourceNotFound: !found);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var seen = new HashSet<string>();
        for (var culture = CultureInfo.CurrentUICulture; ; culture = culture.Parent)
        {
            foreach (var (name, value) in Table(culture))
                if (seen.Add(name)) yield return new LocalizedString(name, value);
            if (!includeParentCultures || culture.Equals(CultureInfo.InvariantCulture)) yield break;
        }
    }

    /// <summary>The culture's strings with, for names it lacks, its parents' (nearest first).</summary>
    private static FrozenDictionary<string, string> Lookup(CultureInfo culture) =>
        WithParents.GetOrAdd(culture.Name, static (_, c) =>
        {
            var merged = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var each = c; ; each = each.Parent)
            {
                foreach (var (name, value) in Table(each)) merged.TryAdd(name, value);
                if (each.Equals(CultureInfo.InvariantCulture)) return merged.ToFrozenDictionary(StringComparer.Ordinal);
            }
        }, culture);

    /// <summary>The culture's own strings, without its parents'.</summary>
    private static FrozenDictionary<string, string> Table(CultureInfo culture) => Own.GetOrAdd(culture.Name, static (_, c) =>
    {
        var set = Resources.GetResourceSet(c, createIfNotExists: true, tryParents: false);
        if (set is null) return FrozenDictionary<string, string>.Empty;
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in set)
            if (entry.Key is string key && entry.Value is string value) entries[key] = value;
        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }, culture);
}
