using System.Net;
using Coop.Data;
using Coop.Domain.Tenancy;
using Coop.Web.Tests.Governance;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Audience;

/// <summary>A cooperative whose admin Ana has two purposes: a newsletter and the events programme.</summary>
public sealed record AudienceCoop(Scic Coop, PageClient Ana, Guid Newsletter, Guid Events)
{
    public string Slug => Coop.Slug;
    public string Base => $"/c/{Coop.Slug}";

    public static async Task<AudienceCoop> CreateAsync(CoopApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var coop = await Scic.CreateAsync(app.Services, LegalForm.Scic, ("Ana", "Salariés"), ("Bruno", "Salariés"), ("Chloé", "Usagers"), ("David", "Soutiens"));
        var ana = await coop.SignInAsync(app, "Ana");
        var purposes = $"/c/{coop.Slug}/audience/purposes";
        foreach (var (name, text) in new[]
                 {
                     ("Lettre d'information", "Je veux recevoir la lettre mensuelle de la coopérative. Désinscription en un clic."),
                     ("Programme des événements", "Je veux recevoir le programme des événements, une fois par semaine au plus."),
                 })
        {
            var saved = await ana.SubmitAsync(purposes, purposes, new Dictionary<string, string> { ["Name"] = name, ["Text"] = text });
            Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.Redirect), saved.Html);
        }
        var ids = await Read(app, coop, db => db.Purposes.ToDictionaryAsync(p => p.Name, p => p.Id));
        return new AudienceCoop(coop, ana, ids["Lettre d'information"], ids["Programme des événements"]);
    }

    /// <summary>Ana enters a contact, with a paper consent to the given purposes when there are any.</summary>
    public async Task<Guid> AddContactAsync(string name, string email, string? postal = null, string? tags = null, params Guid[] purposes)
    {
        var fields = new Dictionary<string, string> { ["Name"] = name, ["Email"] = email, ["PostalCode"] = postal ?? "", ["Tags"] = tags ?? "" };
        if (purposes.Length > 0)
        {
            fields["PaperEvidence"] = "Classeur salon 2026";
            fields["PaperDate"] = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < purposes.Length; i++) fields[$"PaperPurposes[{i}]"] = purposes[i].ToString();
        }
        var saved = await Ana.SubmitAsync($"{Base}/audience/contacts/new", $"{Base}/audience/contacts", fields);
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.Redirect), saved.Html);
        return Guid.Parse(saved.Location!.ToString().Split('/')[^1]);
    }

    public Task<T> ReadAsync<T>(CoopApp app, Func<CoopDbContext, Task<T>> read) => Read(app, Coop, read);

    private static async Task<T> Read<T>(CoopApp app, Scic coop, Func<CoopDbContext, Task<T>> read)
    {
        await using var scope = coop.Scope(app.Services);
        return await read(scope.ServiceProvider.GetRequiredService<CoopDbContext>());
    }

    public static async Task DeliverAllAsync(CoopApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        while (await app.DeliverMailAsync() > 0) { }
    }
}
