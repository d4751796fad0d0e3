using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Coop.Web.Infrastructure;

/// <summary>
/// Markdown written by people (charters, later posts) rendered without risk: raw HTML is disabled (shown as text),
/// links keep only http, https and mailto targets and get <c>rel="nofollow ugc noopener"</c>, images are not
/// loaded (they would let a third party track readers), and headings start at h2 under the page's own h1.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, Pipeline);
        // The page has its own h1: a text's "# Title" becomes an h2, and so on down (one h1 per page).
        foreach (var heading in document.Descendants<HeadingBlock>()) heading.Level = Math.Min(6, heading.Level + 1);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage)
            {
                link.IsImage = false;
                link.Url = IsAllowed(link.Url) ? link.Url : "#";
            }
            else if (!IsAllowed(link.Url))
            {
                link.Url = "#";
            }
            link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow ugc noopener");
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().Where(a => !IsAllowed(a.IsEmail ? "mailto:" + a.Url : a.Url)).ToList())
            autolink.Url = "#";

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static bool IsAllowed(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var trimmed = url.Trim();
        if (trimmed.StartsWith('#') || (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal))) return true;
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
    }
}
