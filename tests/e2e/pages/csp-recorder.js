// The partner's own (external) script on the strict-CSP page: records every CSP violation, so
// the test can assert there were none. A classic script, so it runs before the widget's module.
window.__cspViolations = [];
document.addEventListener(
  'securitypolicyviolation',
  (event) => {
    window.__cspViolations.push({
      directive: event.effectiveDirective || event.violatedDirective,
      blockedURI: event.blockedURI,
      sourceFile: event.sourceFile,
      line: event.lineNumber,
      sample: event.sample,
    });
  },
  true,
);
