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
/// its parents, then French, the neutral language), same formatting.
/// </summary>
public sealed class SharedStringLocalizer : IStringLocalizer<SharedResource>
{
    private static readonly ResourceManager Resources = new("Coop.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
    private static readonly ConcurrentDictionary<string, FrozenDictionary<string, string>> Tables = new();

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var value = Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var value = Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, value ?? name, arguments), resourceNotFound: value is null);
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

    private static string? Find(string name, CultureInfo culture)
    {
        for (var c = culture; ; c = c.Parent)
        {
            if (Table(c).TryGetValue(name, out var value)) return value;
            if (c.Equals(CultureInfo.InvariantCulture)) return null;
        }
    }

    private static FrozenDictionary<string, string> Table(CultureInfo culture) => Tables.GetOrAdd(culture.Name, _ =>
    {
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        if (set is null) return FrozenDictionary<string, string>.Empty;
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in set)
            if (entry.Key is string key && entry.Value is string value) entries[key] = value;
        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    });
}
