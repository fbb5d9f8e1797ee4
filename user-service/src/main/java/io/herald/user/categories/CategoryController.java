package io.herald.user.categories;

import io.herald.kit.ProblemException;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/v1/categories}: list the categories, add one at run time. */
@RestController
@RequestMapping("/api/v1/categories")
class CategoryController {

    private final Categories categories;

    CategoryController(Categories categories) {
        this.categories = categories;
    }

    /** 200, the names sorted, e.g. {@code ["Finance","Movies","Sports"]}. */
    @GetMapping
    Mono<List<String>> list() {
        return categories.all();
    }

    /** 201 {@code {name}}; 409 when it exists already; 400 for a bad name. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> add(@Valid @RequestBody NewCategory body) {
        return categories.add(body.name()).flatMap(added -> added
                ? Mono.just(Map.of("name", body.name()))
                : Mono.error(new ProblemException(HttpStatus.CONFLICT, "Category exists",
                        "The category '" + body.name() + "' exists already.")));
    }
}
