using System.Diagnostics;
using System.Text;

namespace ContactCenter.Sip.Integration.Sipp.Tests;

/// <summary>
/// One sipp run as a child process: always bounded (<c>-m</c> calls and a global <c>-timeout</c> are the caller's
/// job; <see cref="WaitAsync"/> adds a hard limit) and killed by its PID on dispose if still running.
/// </summary>
internal sealed class SippProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SippProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>True when sipp is installed (Debian package sip-tester).</summary>
    public static bool IsAvailable { get; } = File.Exists("/usr/bin/sipp") || File.Exists("/usr/local/bin/sipp");

    public static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "Scenarios", name);

    public static SippProcess Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("sipp")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // sipp writes its screens and logs; never block on a terminal.
        info.ArgumentList.Add("-nostdin");
        var process = new Process { StartInfo = info };
        var sipp = new SippProcess(process);
        process.OutputDataReceived += (_, e) => sipp.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sipp.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sipp;
    }

    /// <summary>Waits for sipp to exit; kills it and fails when it runs past <paramref name="limit"/>.</summary>
    public async Task<int> WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            Assert.Fail($"sipp (pid {Id}) still ran after {limit.TotalSeconds} s; killed. Output:\n{Tail()}");
        }

        return _process.ExitCode;
    }

    /// <summary>The end of sipp's output, for failure messages.</summary>
    public string Tail(int characters = 4000)
    {
        var text = Output;
        return text.Length <= characters ? text : text[^characters..];
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // sipp redraws its screen; keep the last part only.
            if (_output.Length > 200_000)
            {
                _output.Remove(0, 100_000);
            }

            _output.AppendLine(line);
        }
    }
}
