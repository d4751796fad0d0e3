using Coop.Data.Tenancy;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace Coop.Web.Infrastructure;

/// <summary>
/// How pages show Markdown: <see cref="SafeMarkdown"/>'s HTML, kept in memory per cooperative and text. Parsing was
/// the largest single cost of a page of twenty posts; most texts are read many times and never change. The key is
/// the text itself, so an edit is a new entry and nothing needs invalidating (the same on every node).
/// </summary>
public sealed class RenderedMarkdown(MarkdownStore store, TenantContext tenant)
{
    public IHtmlContent Html(string markdown) => new HtmlString(store.Get(tenant.TenantId, markdown ?? string.Empty));
}

/// <summary>
/// The rendered texts of every cooperative, bounded by the characters held (texts and their HTML); the least used
/// go first, and an entry unread for an hour goes anyway, so an erased text does not linger in memory.
/// </summary>
public sealed class MarkdownStore : IDisposable
{
    private const long CharacterLimit = 16 * 1024 * 1024;
    private static readonly TimeSpan Unused = TimeSpan.FromHours(1);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CharacterLimit, CompactionPercentage = 0.25 });

    public string Get(Guid? tenantId, string markdown)
    {
        var key = (tenantId, markdown);
        if (_cache.TryGetValue(key, out string? html)) return html!;
        html = SafeMarkdown.ToHtml(markdown);
        _cache.Set(key, html, new MemoryCacheEntryOptions { Size = markdown.Length + html.Length, SlidingExpiration = Unused });
        return html;
    }

    public void Dispose() => _cache.Dispose();
}
