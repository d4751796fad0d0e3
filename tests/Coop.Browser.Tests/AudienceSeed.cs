using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Audience;
using Coop.Web.Features.Audience;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Browser.Tests;

/// <summary>Cooperative A with a newsletter, a consenting contact, a segment, a sent campaign, a pending import and an open privacy request.</summary>
public sealed record AudienceSeed(Guid Purpose, Guid Contact, Guid Campaign, Guid Import, string PreferencesToken)
{
    public static async Task<AudienceSeed> CreateAsync(CoopApp app, World world)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(world);
        await using var scope = app.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(world.A), "browser test");
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CoopDbContext>();
        var now = DateTimeOffset.UtcNow;
        var purpose = await db.Purposes.FirstOrDefaultAsync(p => p.Name == "Lettre d'information");
        if (purpose is null)
        {
            purpose = new Purpose("Lettre d'information", now);
            db.Purposes.Add(purpose);
            db.PurposeTexts.Add(purpose.Word("Je veux recevoir la lettre mensuelle. Désinscription en un clic.", now));
        }
        var contact = new Contact("Léa Martin", $"lea-{Guid.NewGuid():N}@exemple.org", null, "93260", ["vélo"], "Salon", now);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        await services.GetRequiredService<ConsentBook>().GiveAsync(contact, purpose, ConsentChannel.Paper, "Classeur salon, fiche 3", now.AddDays(-2), CancellationToken.None);
        var segment = new Segment($"Cyclistes {Guid.NewGuid():N}"[..20], purpose.Id, "vélo", null, now);
        db.Segments.Add(segment);
        var campaign = new Campaign(segment.Id, "Atelier vélo", "Bonjour ! **Atelier** samedi.", now);
        db.Campaigns.Add(campaign);
        var import = new ContactImport("salon.csv", "email;nom\nana@exemple.org;Ana\n"u8.ToArray(), "[\"email\",\"nom\"]", "admin", now);
        db.ContactImports.Add(import);
        db.PrivacyRequests.Add(new PrivacyRequest(PrivacyRequestKind.Rectification, PrivacySubject.Unknown, null, "Paul", "paul@exemple.org", "Mon nom est mal écrit.", now));
        await db.SaveChangesAsync();
        var token = services.GetRequiredService<AudienceTokens>().Preferences(world.A.Id, contact.Id);
        return new AudienceSeed(purpose.Id, contact.Id, campaign.Id, import.Id, token);
    }
}
