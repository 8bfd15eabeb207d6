using ContactCenter.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace ContactCenter.Storage.Sqlite;

/// <summary>Reports the problems of <see cref="SqliteStorageOptions"/> at start, together with every other check's.</summary>
internal sealed class SqliteStorageConfigurationCheck(IOptions<SqliteStorageOptions> options) : IContactCenterConfigurationCheck
{
    public IEnumerable<string> Validate()
    {
        SqliteStorageOptions value;
        try
        {
            value = options.Value;
        }
        catch (InvalidOperationException ex)
        {
            // The configuration binder could not convert a value (for example BusyTimeout "soon").
            return [ConfigurationProblem.Format(SqliteStorageOptions.SectionName, null, null, ex.Message.TrimEnd('.'),
                "DataSource or ConnectionString (text), Synchronous (Normal, Full), BusyTimeout (hh:mm:ss)")];
        }

        return SqliteStorageOptionsValidator.Validate(value, checkWritable: true);
    }
}
