namespace ContactCenter.Sip.Tests.Messages;

/// <summary>The RFC 4475 messages in tests/testdata/sip/rfc4475 of the repository.</summary>
internal static class TortureData
{
    private static readonly Lazy<string> s_directory = new(Find);

    public static string Directory => s_directory.Value;

    public static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(Directory, name + ".dat"));

    public static IEnumerable<string> AllNames() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.dat").Select(Path.GetFileNameWithoutExtension).Order()!;

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ContactCenter.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException(
                $"Cannot find the repository root (the folder holding ContactCenter.Sdk.sln) above {AppContext.BaseDirectory}.");
        }

        string data = Path.GetFullPath(Path.Combine(dir.FullName, "tests", "testdata", "sip", "rfc4475"));
        if (!System.IO.Directory.Exists(data) || !System.IO.Directory.EnumerateFiles(data, "*.dat").Any())
        {
            throw new InvalidOperationException(
                $"The RFC 4475 test data is missing: expected *.dat files in {data} (they are part of the repository).");
        }

        return data;
    }
}
