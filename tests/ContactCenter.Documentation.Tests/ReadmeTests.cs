using System.Text.RegularExpressions;

namespace ContactCenter.Documentation.Tests;

public sealed partial class ReadmeTests
{
    [Fact]
    public void Readme_EveryCSharpBlock_IsACompiledSnippet()
    {
        var regions = SnippetRegions();
        var blocks = CSharpBlocks(File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")));

        Assert.NotEmpty(blocks);
        var missing = blocks.Where(b => !regions.Values.Contains(b)).ToList();
        Assert.True(missing.Count == 0,
            "These C# blocks of README.md are not regions of tests/ContactCenter.Documentation.Tests/ReadmeSnippets.cs " +
            "(edit the snippet there, then copy it into the README):\n\n" + string.Join("\n---\n", missing));
    }

    [Fact]
    public void Readme_EverySnippet_AppearsInTheReadme()
    {
        var blocks = CSharpBlocks(File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")));

        var unused = SnippetRegions().Where(r => !blocks.Contains(r.Value)).Select(r => r.Key).ToList();
        Assert.True(unused.Count == 0, "Snippets not (or no longer equal) in README.md: " + string.Join(", ", unused));
    }

    [Fact]
    public async Task Readme_TestHostSnippet_RunsAsWritten()
    {
        var (read, interaction) = await ReadmeSnippets.ConversationAsync();

        Assert.Equal("It ships tomorrow.", read);
        Assert.Equal("support", interaction.Queue?.Value);
    }

    private static Dictionary<string, string> SnippetRegions()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "tests", "ContactCenter.Documentation.Tests", "ReadmeSnippets.cs"));
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Length; i++)
        {
            var start = RegionStart().Match(lines[i]);
            if (!start.Success)
            {
                continue;
            }

            int indent = lines[i].Length - lines[i].TrimStart().Length;
            var body = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "#endregion"; i++)
            {
                body.Add(lines[i].Length >= indent ? lines[i][indent..] : lines[i].TrimStart());
            }

            regions.Add(start.Groups[1].Value, string.Join('\n', body).TrimEnd());
        }

        Assert.NotEmpty(regions);
        return regions;
    }

    private static List<string> CSharpBlocks(string markdown) =>
        CSharpBlock().Matches(markdown.ReplaceLineEndings("\n")).Select(m => m.Groups[1].Value.TrimEnd()).ToList();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ContactCenter.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"No ContactCenter.Sdk.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^\s*#region readme:(\S+)\s*$")]
    private static partial Regex RegionStart();

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
