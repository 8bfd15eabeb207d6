using ContactCenter.Ivr;

namespace ContactCenter.Hosting;

/// <summary>
/// The contact center's flow catalog and the flow files added to it by path. Files are added to the catalog when
/// it is first taken from the container, because a relative path means "relative to the content root" and the
/// content root is only known then (a host may set it after <c>AddContactCenter</c>).
/// </summary>
internal sealed class FlowRegistration
{
    private readonly List<string> _files = [];
    private bool _resolved;

    public FlowCatalog Catalog { get; } = new();

    public void AddFile(string path)
    {
        lock (_files)
        {
            if (_resolved)
            {
                // Already taken from the container: the content root was known then; later files use the same rule.
                throw new InvalidOperationException("Flow files cannot be added after the contact center has started.");
            }

            _files.Add(path);
        }
    }

    /// <summary>Adds the files (once) and returns the catalog.</summary>
    /// <param name="contentRoot">The host's content root, or <see langword="null"/> for the current directory.</param>
    public FlowCatalog Resolve(string? contentRoot)
    {
        lock (_files)
        {
            if (!_resolved)
            {
                _resolved = true;
                var root = contentRoot ?? Directory.GetCurrentDirectory();
                foreach (var file in _files)
                {
                    Catalog.AddFromJson(Path.IsPathRooted(file) ? file : Path.GetFullPath(Path.Combine(root, file)));
                }
            }
        }

        return Catalog;
    }
}
