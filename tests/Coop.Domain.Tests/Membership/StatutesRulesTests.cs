using Coop.Domain.Membership;
using Coop.Domain.Tenancy;

namespace Coop.Domain.Tests.Membership;

public sealed class StatutesRulesTests
{
    private static string[] Codes(LegalForm form, MemberCategory[] categories, VotingCollege[] colleges, bool proxies = true) =>
        StatutesRules.Check(form, categories, colleges, proxies).Select(v => v.Code).ToArray();

    private static MemberCategory Category(string name, CategoryKind kind = CategoryKind.User, Guid? college = null) => new(name, kind, 1, college);

    [Test]
    public void Every_preset_satisfies_its_own_legal_form()
    {
        foreach (var form in Enum.GetValues<LegalForm>())
        {
            var preset = StatutesPresets.For(form);
            Assert.That(StatutesRules.Check(form, preset.Categories.ToList(), preset.Colleges.ToList(), preset.ProxiesAllowed), Is.Empty, form.ToString());
        }
    }

    [Test]
    public void A_scic_needs_three_categories()
    {
        Assert.That(Codes(LegalForm.Scic, [Category("A"), Category("B")], []), Does.Contain("Statutes.Scic.ThreeCategories"));
        Assert.That(Codes(LegalForm.Scic, [Category("A"), Category("B"), Category("C")], []), Is.Empty);
    }

    [TestCase(new[] { 30, 40, 30 }, new string[0])]
    [TestCase(new[] { 50, 25, 25 }, new string[0])]
    [TestCase(new[] { 10, 45, 45 }, new string[0])]
    [TestCase(new[] { 9, 45, 46 }, new[] { "Statutes.Colleges.WeightBounds" })]
    [TestCase(new[] { 51, 25, 24 }, new[] { "Statutes.Colleges.WeightBounds" })]
    [TestCase(new[] { 30, 30, 30 }, new[] { "Statutes.Colleges.SumTo100" })]
    [TestCase(new[] { 50, 50 }, new[] { "Statutes.Colleges.AtLeastThree" })]
    [TestCase(new[] { 25, 25, 25, 25 }, new string[0])]
    public void Scic_colleges_weigh_between_10_and_50_percent_and_sum_to_100(int[] weights, string[] expected)
    {
        var colleges = weights.Select((w, i) => new VotingCollege($"Collège {i}", w)).ToArray();
        var categories = new[] { Category("A"), Category("B"), Category("C") };
        Assert.That(Codes(LegalForm.Scic, categories, colleges), Is.EquivalentTo(expected));
    }

    [Test]
    public void A_quebec_solidarity_coop_needs_two_kinds_among_user_worker_and_supporting_and_no_proxies()
    {
        Assert.That(Codes(LegalForm.QuebecSolidarityCoop, [Category("Usagers", CategoryKind.User), Category("Autres", CategoryKind.Other)], [], proxies: false),
            Is.EqualTo(new[] { "Statutes.Quebec.TwoKinds" }));
        Assert.That(Codes(LegalForm.QuebecSolidarityCoop, [Category("Usagers", CategoryKind.User), Category("Travailleurs", CategoryKind.Worker)], [], proxies: true),
            Is.EqualTo(new[] { "Statutes.Quebec.NoProxies" }));
        Assert.That(Codes(LegalForm.QuebecSolidarityCoop, [Category("Usagers", CategoryKind.User), Category("Soutien", CategoryKind.Supporting)], [], proxies: false), Is.Empty);
    }

    [Test]
    public void A_scop_is_one_member_one_vote_without_colleges()
    {
        var colleges = new[] { new VotingCollege("A", 50), new VotingCollege("B", 50) };
        Assert.That(Codes(LegalForm.Scop, [Category("Salariés", CategoryKind.Worker)], colleges), Is.EqualTo(new[] { "Statutes.Scop.NoColleges" }));
    }

    [Test]
    public void Duplicate_names_and_categories_pointing_to_a_missing_college_are_refused()
    {
        var codes = Codes(LegalForm.Other, [Category("Usagers"), Category("usagers"), Category("X", college: Guid.NewGuid())], []);
        Assert.That(codes, Does.Contain("Statutes.DuplicateCategory").And.Contain("Statutes.UnknownCollege"));
    }
}
