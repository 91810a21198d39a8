package org.yibao.server.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.supervision.KnowledgeBaseInForce;

/**
 * The knowledge base in force (知识库) through the admin API: its files with their versions and the
 * rules they define; the text of a file (or of an older version) and its history; and, for
 * administrators only (URL security), the upload of a new version of one file.
 */
@RestController
@RequestMapping("/api/admin/supervision/knowledge")
@Tag(name = "Fund supervision knowledge base", description = "知识库: the rules and knowledge tables in force, their versions and changes")
class KnowledgeController {

    static final String TSV = "text/tab-separated-values";

    private final KnowledgeBaseInForce knowledge;

    KnowledgeController(KnowledgeBaseInForce knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping
    @Operation(summary = "Each file in force with its version, sha-256, rows and who changed it when and why; the rules in force")
    KnowledgeBaseInForce.Overview overview() {
        return knowledge.overview();
    }

    @GetMapping(value = "/{file}", produces = TSV + ";charset=UTF-8")
    @Operation(summary = "The tab-separated text of a file in force, or of an older version (?version=N; 0 = as shipped)")
    String text(@PathVariable String file, @RequestParam(required = false) Integer version) {
        return knowledge.text(file, version);
    }

    @GetMapping("/{file}/versions")
    @Operation(summary = "Every version of a file, newest first, down to the one shipped with the engine (version 0)")
    List<KnowledgeBaseInForce.FileVersion> versions(@PathVariable String file) {
        return knowledge.versions(file);
    }

    @PutMapping(value = "/{file}", consumes = {TSV, "text/plain"})
    @Operation(summary = "Replace a file by the tab-separated body (administrators, with a reason): a malformed knowledge base is refused "
            + "with the file, line and reason and nothing changes; removed rules have their open warnings withdrawn at once; new and "
            + "changed rules are re-run over the settlements already analysed by each region's next run after settlement")
    KnowledgeBaseInForce.Change replace(@PathVariable String file, @RequestParam(required = false) String reason,
                                       @RequestBody(required = false) String body) {
        return knowledge.replace(file, body, reason);
    }
}
