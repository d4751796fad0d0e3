using System.Text;
using System.Xml;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Community;
using Coop.Web.Features.Accounts;
using Coop.Web.Features.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Community;

/// <summary>
/// The public side: when a cooperative opens its community to visitors, its public spaces can be read without an
/// account and followed as Atom feeds. Everything else stays behind sign-in; a space that is not public, or a
/// cooperative that has not opened its community, answers 404.
/// </summary>
[Route("c/{tenant}/public/spaces/{id:guid}")]
[AllowAnonymous]
public sealed class PublicSpacesController(CoopDbContext db, TenantContext tenantContext, CurrentCooperative cooperative, CommunityAccess access, AccountLinks links) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(Guid id, string? before, CancellationToken ct)
    {
        var space = await PublicSpaceAsync(id, ct);
        if (space is null) return NotFound();
        var feed = await access.SpaceFeedAsync(id, before, ct);
        return View("PublicSpace", new PublicSpaceModel(tenantContext.Current!.Slug, tenantContext.Current!.Name, space, feed));
    }

    [HttpGet("atom.xml")]
    public async Task<IActionResult> Atom(Guid id, CancellationToken ct)
    {
        var space = await PublicSpaceAsync(id, ct);
        if (space is null) return NotFound();
        var feed = await access.SpaceFeedAsync(id, null, ct);
        var slug = tenantContext.Current!.Slug;
        var self = links.To($"/c/{slug}/public/spaces/{id}/atom.xml").ToString();
        var html = links.To($"/c/{slug}/public/spaces/{id}").ToString();
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true }))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            await xml.WriteStartDocumentAsync();
            await xml.WriteStartElementAsync(null, "feed", ns);
            await xml.WriteElementStringAsync(null, "title", ns, $"{tenantContext.Current!.Name} — {space.Name}");
            await xml.WriteElementStringAsync(null, "id", ns, $"urn:uuid:{space.Id}");
            await xml.WriteElementStringAsync(null, "updated", ns, XmlConvert.ToString((feed.Posts.Count > 0 ? feed.Posts[0].CreatedAt : space.CreatedAt).UtcDateTime, XmlDateTimeSerializationMode.Utc));
            await WriteLinkAsync(xml, ns, "self", self);
            await WriteLinkAsync(xml, ns, "alternate", html);
            foreach (var post in feed.Posts)
            {
                await xml.WriteStartElementAsync(null, "entry", ns);
                await xml.WriteElementStringAsync(null, "title", ns, post.Headline(80));
                await xml.WriteElementStringAsync(null, "id", ns, $"urn:uuid:{post.Id}");
                await xml.WriteElementStringAsync(null, "updated", ns, XmlConvert.ToString((post.EditedAt ?? post.CreatedAt).UtcDateTime, XmlDateTimeSerializationMode.Utc));
                await xml.WriteStartElementAsync(null, "author", ns);
                await xml.WriteElementStringAsync(null, "name", ns, feed.Authors.GetValueOrDefault(post.AuthorId, "?"));
                await xml.WriteEndElementAsync();
                await WriteLinkAsync(xml, ns, "alternate", html + "#post-" + post.Id.ToString("N"));
                // The same safe rendering as the pages, escaped as Atom text of type html.
                await xml.WriteStartElementAsync(null, "content", ns);
                await xml.WriteAttributeStringAsync(null, "type", null, "html");
                await xml.WriteStringAsync(Infrastructure.SafeMarkdown.ToHtml(post.Body));
                await xml.WriteEndElementAsync();
                await xml.WriteEndElementAsync();
            }
            await xml.WriteEndElementAsync();
            await xml.WriteEndDocumentAsync();
        }
        return File(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private static async Task WriteLinkAsync(XmlWriter xml, string ns, string rel, string href)
    {
        await xml.WriteStartElementAsync(null, "link", ns);
        await xml.WriteAttributeStringAsync(null, "rel", null, rel);
        await xml.WriteAttributeStringAsync(null, "href", null, href);
        await xml.WriteEndElementAsync();
    }

    private async Task<Space?> PublicSpaceAsync(Guid id, CancellationToken ct)
    {
        var open = await cooperative.ReadAsync(t => t.PublicCommunity, ct);
        return open ? await db.Spaces.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.Visibility == SpaceVisibility.Public, ct) : null;
    }
}

public sealed record PublicSpaceModel(string Slug, string Cooperative, Space Space, FeedPage Feed);
