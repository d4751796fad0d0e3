using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Audience;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Membership;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Audience;

public sealed record SegmentRow(Segment Segment, string Purpose, int Recipients);

public sealed record CampaignsModel(string Slug, IReadOnlyList<SegmentRow> Segments, IReadOnlyList<Campaign> Campaigns, IReadOnlyDictionary<Guid, DeliveryCounts> Counts,
    IReadOnlyList<Purpose> Purposes, SegmentForm SegmentForm, CampaignForm CampaignForm);

public sealed record CampaignModel(string Slug, Campaign Campaign, SegmentRow Segment, DeliveryCounts Counts);

/// <summary>Segments (a purpose, then a tag and a postal code prefix) and the campaigns sent to them.</summary>
[Route("c/{tenant}/audience/campaigns")]
[Authorize(Policy = Policies.Admin)]
public sealed class CampaignsController(CoopDbContext db, TenantContext tenantContext, AudienceQueries queries, CampaignSender sender, AuditLog audit,
    TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private string Slug => tenantContext.Current!.Slug;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Campaigns", await ModelAsync(new SegmentForm(), new CampaignForm(), ct));

    [HttpPost("segments")]
    public async Task<IActionResult> CreateSegment(SegmentForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && !await db.Purposes.AnyAsync(p => p.Id == form.PurposeId, ct)) ModelState.AddModelError(nameof(form.PurposeId), l["Audience.PurposeUnknown"]);
        if (ModelState.IsValid && await db.Segments.AnyAsync(s => s.Name == form.Name!.Trim(), ct)) ModelState.AddModelError(nameof(form.Name), l["Audience.SegmentExists"]);
        if (!ModelState.IsValid) return await Invalid(form, new CampaignForm(), ct);
        var segment = new Segment(form.Name!, form.PurposeId!.Value, form.Tag, form.PostalPrefix, clock.GetUtcNow());
        db.Segments.Add(segment);
        audit.Record("audience.segment", segment.Id, segment.Name);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Audience.SegmentSaved";
        return Redirect($"/c/{Slug}/audience/campaigns");
    }

    [HttpPost("")]
    public async Task<IActionResult> Create(CampaignForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && !await db.Segments.AnyAsync(s => s.Id == form.SegmentId, ct)) ModelState.AddModelError(nameof(form.SegmentId), l["Audience.SegmentUnknown"]);
        if (!ModelState.IsValid) return await Invalid(new SegmentForm(), form, ct);
        var campaign = new Campaign(form.SegmentId!.Value, form.Subject!, form.Body!, clock.GetUtcNow());
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return Redirect($"/c/{Slug}/audience/campaigns/{campaign.Id}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return NotFound();
        var segment = (await SegmentsAsync(campaign.SegmentId, ct)).Single();
        var counts = await sender.CountsAsync([id], ct);
        return View("Campaign", new CampaignModel(Slug, campaign, segment, counts.GetValueOrDefault(id) ?? new DeliveryCounts(0, 0, 0)));
    }

    [HttpPost("{id:guid}/send")]
    public async Task<IActionResult> Send(Guid id, CancellationToken ct)
    {
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return NotFound();
        try
        {
            audit.Record("audience.campaign", campaign.Id, campaign.Subject);
            var count = await sender.SendAsync(campaign, ct);
            TempData["Flash"] = count == 0 ? "Audience.CampaignNobody" : "Audience.CampaignSent";
        }
        catch (Exception ex) when (ex is AudienceException or DbUpdateConcurrencyException)
        {
            TempData["Flash"] = "Audience.CampaignAlreadySent";
        }
        return Redirect($"/c/{Slug}/audience/campaigns/{id}");
    }

    private async Task<IActionResult> Invalid(SegmentForm segment, CampaignForm campaign, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Campaigns", await ModelAsync(segment, campaign, ct));
    }

    /// <summary>Segments with today's recipients (one count each): all of them, or only <paramref name="only"/>.</summary>
    private async Task<List<SegmentRow>> SegmentsAsync(Guid? only, CancellationToken ct)
    {
        var purposes = await db.Purposes.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var rows = new List<SegmentRow>();
        foreach (var segment in await db.Segments.AsNoTracking().Where(s => only == null || s.Id == only).OrderBy(s => s.Name).ToListAsync(ct))
            rows.Add(new SegmentRow(segment, purposes.GetValueOrDefault(segment.PurposeId, "?"), await queries.Recipients(segment).CountAsync(ct)));
        return rows;
    }

    private async Task<CampaignsModel> ModelAsync(SegmentForm segment, CampaignForm campaign, CancellationToken ct)
    {
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(50).ToListAsync(ct);
        return new CampaignsModel(Slug, await SegmentsAsync(null, ct), campaigns, await sender.CountsAsync(campaigns.Select(c => c.Id).ToList(), ct),
            await queries.PurposesAsync(ct), segment, campaign);
    }
}
